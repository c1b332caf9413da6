import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountToggle } from "@/components/admin/account-toggle";
import { AccountForm } from "@/components/people/account-form";
import { pageCaller } from "@/lib/auth/current-caller";
import { can } from "@/lib/domain/permissions";
import { accountJson } from "@/lib/services/accounts/account-json";
import { readAccount } from "@/lib/services/accounts/read-account";
import { staffFunctionOptions } from "@/lib/services/accounts/staff-functions";
import { saveAccountFromForm, toggleAccount } from "../actions";
import { titled } from "@/i18n/page-title";

export const generateMetadata = titled("userEdit");

type Props = { params: Promise<{ id: string }> };

export default async function EditUserPage({ params }: Props) {
  const { id } = await params;
  const caller = await pageCaller();
  if (!can(caller, "users.manage") || !z.uuid().safeParse(id).success) notFound();
  const [account, functions, t] = await Promise.all([readAccount(caller, id), staffFunctionOptions(), getTranslations("people")]);
  if (!account.ok) notFound();
  const values = accountJson(account.value);
  return (
    <section>
      <Link href="/admin/utilisateurs" className="text-sm text-brand-700 underline">
        {t("backToList")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{t("editTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {values.email} — {values.disabled ? t("disabled") : account.value.passwordSetAt ? t("active") : t("invited")}
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
