"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Props = { userId: string; disabled: boolean; action: FormAction };

/** Disable / re-enable button for one account, with the outcome announced next to it. */
export function AccountToggle({ userId, disabled, action }: Props) {
  const t = useTranslations("users");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
      >
        {disabled ? t("enable") : t("disable")}
      </button>
      <span role="status" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-slate-500"}`}>
        {state.status === "error" ? state.message : state.status === "ok" ? t("done") : ""}
      </span>
    </form>
  );
}
