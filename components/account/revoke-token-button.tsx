"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { tokenId: string; action: FormAction };

/** "Révoquer" for one API token, with the outcome announced next to it. */
export function RevokeTokenButton({ tokenId, action }: Props) {
  const t = useTranslations("account");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {t("revoke")}
      </button>
      <span role="status" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-slate-500"}`}>
        {state.status === "error" ? state.message : ""}
      </span>
    </form>
  );
}
