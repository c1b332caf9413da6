"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

/** "Transformer en article" on a resolved ticket: a draft from its question and public answer, names removed, opened in the editor. */
export function ArticleFromTicketButton({ reference, action }: { reference: string; action: FormAction }) {
  const t = useTranslations("knowledge.draft");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-2">
      <FormAlert state={state} />
      <input type="hidden" name="reference" value={reference} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700"
      >
        {t("fromTicket")}
      </button>
    </form>
  );
}
