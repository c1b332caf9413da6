"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** "Tout marquer comme lu", with the outcome announced next to it. */
export function MarkAllReadButton({ action }: { action: FormAction }) {
  const t = useTranslations("notifications");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        {t("markAllRead")}
      </button>
      <span role="status" className={`text-sm ${state.status === "error" ? "text-red-700" : "text-slate-600"}`}>
        {state.status === "error" ? state.message : state.status === "ok" ? t("markedRead") : ""}
      </span>
    </form>
  );
}
