"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Person = { id: string; name: string };

/** The head names a delegate among the school's staff. */
export function NameDelegateForm({ action, uai, candidates }: { action: FormAction; uai: string; candidates: Person[] }) {
  const t = useTranslations("approvals.delegates");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="uai" value={uai} />
      <SelectField formId={`delegate-${uai}`} name="userId" label={t("person")} state={state} defaultValue="" required>
        <option value="">{t("choose")}</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={pending} label={t("name")} pendingLabel={t("saving")} />
      <FormAlert state={state} success={t("named")} />
    </form>
  );
}

/** The head removes a delegate. */
export function RemoveDelegateForm({ action, uai, person }: { action: FormAction; uai: string; person: Person }) {
  const t = useTranslations("approvals.delegates");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="inline-flex items-center gap-2">
      <input type="hidden" name="uai" value={uai} />
      <input type="hidden" name="userId" value={person.id} />
      <SubmitButton pending={pending} label={t("remove", { name: person.name })} pendingLabel={t("saving")} tone="secondary" />
      <FormAlert state={state} />
    </form>
  );
}
