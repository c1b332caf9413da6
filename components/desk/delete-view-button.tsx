"use client";

import { useTranslations } from "next-intl";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** A small "Supprimer" beside a saved view; a refusal shows as the button's own alert. */
export function DeleteViewButton({ id, name, action }: { id: string; name: string; action: FormAction }) {
  const t = useTranslations("desk.views");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="shrink-0">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t("deleteNamed", { name })}
        className="text-xs text-slate-500 underline hover:text-red-700 disabled:opacity-60"
      >
        {t("delete")}
      </button>
      {state.status === "error" && (
        <span role="alert" className="block text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
