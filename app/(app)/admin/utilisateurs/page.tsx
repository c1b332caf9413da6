import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountToggle } from "@/components/admin/account-toggle";
import { AccountForm } from "@/components/people/account-form";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { ROLES } from "@/lib/domain/vocabulary";
import { encodeCursor } from "@/lib/schemas/cursor";
import { listUsersQuery } from "@/lib/schemas/users";
import { findAccounts } from "@/lib/services/accounts/find-accounts";
import { staffFunctionOptions } from "@/lib/services/accounts/staff-functions";
import { createAccountFromForm, toggleAccount } from "./actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("users");

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const FILTER_NAMES = ["q", "role", "establishment", "zone", "team", "disabled"] as const;

/** Admins find, create, edit, disable and re-enable accounts. */
export default async function UsersPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = listUsersQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : listUsersQuery.parse({});
  const caller = await pageCaller();
  if (!can(caller, "users.manage")) notFound();
  const { cursor, limit, ...filters } = query;
  const [page, functions, t] = await Promise.all([
    findAccounts(caller, { filters, after: cursor, limit }),
    staffFunctionOptions(),
    getTranslations(),
  ]);
  if (!page.ok) notFound();
  const kept = new URLSearchParams(FILTER_NAMES.flatMap((name) => (raw[name] ? [[name, raw[name]!]] : [])));
  const href = (extra: Record<string, string>) => `?${new URLSearchParams([...kept, ...Object.entries(extra)])}`;
  const field = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("people.adminTitle")}</h1>
      <p className="my-2">
        <Link className="text-brand-700 underline" href="/admin/utilisateurs/import">
          {t("sso.import.link")}
        </Link>
      </p>
      <form method="get" role="search" aria-label={t("people.filters")} className="mt-4 grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-7">
        <label className="lg:col-span-2">
          {t("people.searchText")}
          <input name="q" defaultValue={raw.q ?? ""} className={field} />
        </label>
        <label>
          {t("people.role")}
          <select name="role" defaultValue={raw.role ?? ""} className={field}>
            <option value="">{t("people.anyRole")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("people.school")}
          <input name="establishment" defaultValue={raw.establishment ?? ""} className={field} />
        </label>
        <label>
          {t("people.zone")}
          <input name="zone" defaultValue={raw.zone ?? ""} className={field} />
        </label>
        <label>
          {t("people.team")}
          <input name="team" defaultValue={raw.team ?? ""} className={field} />
        </label>
        <label>
          {t("people.status")}
          <select name="disabled" defaultValue={raw.disabled ?? ""} className={field}>
            <option value="">{t("people.anyState")}</option>
            <option value="false">{t("people.activeOnly")}</option>
            <option value="true">{t("people.disabledOnly")}</option>
          </select>
        </label>
        <div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("people.search")}
          </button>
        </div>
      </form>
      {page.value.items.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("people.noAccounts")}</p>
      ) : (
        <DataTable
          columns={[
            t("people.name"),
            t("people.email"),
            t("people.role"),
            t("people.status"),
            t("people.affiliations"),
            <span key="actions" className="sr-only">
              {t("people.actions")}
            </span>,
          ]}
        >
          {page.value.items.map((user) => (
            <tr key={user.id} className="border-t border-slate-100" data-email={user.email}>
              <td className="px-3 py-2">
                <Link className="text-brand-700 underline" href={`/admin/utilisateurs/${user.id}`}>
                  {user.name}
                </Link>
              </td>
              <td className="px-3 py-2">{user.email}</td>
              <td className="px-3 py-2">{t(`roles.${user.role}`)}</td>
              <td className="px-3 py-2">{user.disabledAt ? t("people.disabled") : t("people.active")}</td>
              <td className="px-3 py-2">
                {[...user.establishments.map((school) => school.uai), ...user.teams.map((team) => team.code)].join(", ")}
              </td>
              <td className="px-3 py-2">
                <AccountToggle userId={user.id} disabled={user.disabledAt !== null} action={toggleAccount} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager
        nextHref={page.value.next ? href({ cursor: encodeCursor(page.value.next) }) : null}
        firstHref={cursor ? href({}) : null}
        nextLabel={t("people.next")}
        firstLabel={t("people.first")}
      />
      <h2 className="mt-8 text-lg font-semibold">{t("people.createTitle")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("people.createHelp")}</p>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
        <AccountForm action={createAccountFromForm} functions={functions} />
      </div>
    </section>
  );
}
