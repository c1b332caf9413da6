import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { AccountToggle } from "@/components/admin/account-toggle";
import { AccountForm } from "@/components/people/account-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { accountJson } from "@/lib/services/accounts/account-json";
import { readAccount } from "@/lib/services/accounts/read-account";
import { staffFunctionOptions } from "@/lib/services/accounts/staff-functions";
import { saveAccountFromForm, toggleAccount } from "../actions";
import { titledOnceFound } from "@/i18n/page-title";

type Props = { params: Promise<{ id: string }> };

/** The account the admin may edit, or the 404 page; one lookup per request for the title and the body. */
const editableAccount = cache(async (id: string) => {
  const caller = await pageCaller();
  if (!can(caller, "users.manage") || !z.uuid().safeParse(id).success) notFound();
  const account = await readAccount(caller, id);
  if (!account.ok) notFound();
  return account.value;
});

export const generateMetadata = titledOnceFound("userEdit", async ({ params }: Props) => editableAccount((await params).id));

export default async function EditUserPage({ params }: Props) {
  const [account, functions, t] = await Promise.all([
    editableAccount((await params).id),
    staffFunctionOptions(),
    getTranslations("people"),
  ]);
  const values = accountJson(account);
  return (
    <section>
      <Link href="/admin/utilisateurs" className="text-sm text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("editTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {values.email} — {values.disabled ? t("disabled") : account.passwordSetAt ? t("active") : t("invited")}
      </p>
      <div className="mt-2">
        <AccountToggle userId={values.id} disabled={values.disabled} action={toggleAccount} />
      </div>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <AccountForm action={saveAccountFromForm} functions={functions} account={values} />
      </div>
    </section>
  );
}
