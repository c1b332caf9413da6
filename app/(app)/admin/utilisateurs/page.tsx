import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountToggle } from "@/components/admin/account-toggle";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listUsersQuery } from "@/lib/schemas/users";
import { listAccounts } from "@/lib/services/manage-users";
import { toggleAccount } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("users");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const parsed = listUsersQuery.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : listUsersQuery.parse({});
  const caller = await pageCaller();
  const page = await listAccounts(caller, { after: query.cursor, limit: query.limit });
  if (!page) notFound();
  const t = await getTranslations();

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
      <p className="my-2"><Link className="text-brand-700 underline" href="/admin/utilisateurs/import">{t("sso.import.link")}</Link></p>
      <DataTable columns={[t("users.name"), t("users.email"), t("users.role"), t("users.status"), <span key="actions" className="sr-only">Actions</span>]}>
        {page.items.map((user) => (
          <tr key={user.id} className="border-t border-slate-100" data-email={user.email}>
            <td className="px-3 py-2">{user.name}</td>
            <td className="px-3 py-2">{user.email}</td>
            <td className="px-3 py-2">{t(`roles.${user.role}`)}</td>
            <td className="px-3 py-2">{user.disabledAt ? t("users.disabled") : t("users.active")}</td>
            <td className="px-3 py-2"><AccountToggle userId={user.id} disabled={user.disabledAt !== null} action={toggleAccount} /></td>
          </tr>
        ))}
      </DataTable>
      <Pager nextHref={page.next ? `?cursor=${encodeCursor(page.next)}` : null} firstHref={query.cursor ? "?" : null}
        nextLabel={t("users.next")} firstLabel={t("users.first")} />
    </section>
  );
}
