"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Option = { code: string; label: string };
type Person = { id: string; name: string };

/** A head sets a colleague's function at the school. */
export function StaffFunctionForm({
  action,
  person,
  functionCode,
  functions,
}: {
  action: FormAction;
  person: Person;
  functionCode: string | null;
  functions: Option[];
}) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={person.id} />
      <SelectField formId={`function-${person.id}`} name="function" label={t("function")} state={state} defaultValue={functionCode ?? ""}>
        <option value="">{t("noFunction")}</option>
        {functions.map((item) => (
          <option key={item.code} value={item.code}>
            {item.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={pending} label={t("setFunction")} pendingLabel={t("saving")} tone="secondary" />
      <FormAlert state={state} success={t("saved")} />
    </form>
  );
}

/** A head removes a colleague from the school, naming who follows their open requests. */
export function RemoveStaffForm({
  action,
  person,
  establishmentId,
  colleagues,
}: {
  action: FormAction;
  person: Person;
  establishmentId: string;
  colleagues: Person[];
}) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="userId" value={person.id} />
      <input type="hidden" name="establishmentId" value={establishmentId} />
      <SelectField formId={`remove-${person.id}`} name="successorId" label={t("successor")} state={state} defaultValue="">
        <option value="">{t("nobody")}</option>
        {colleagues
          .filter((colleague) => colleague.id !== person.id)
          .map((colleague) => (
            <option key={colleague.id} value={colleague.id}>
              {colleague.name}
            </option>
          ))}
      </SelectField>
      <SubmitButton pending={pending} label={t("remove")} pendingLabel={t("removing")} tone="danger" />
      <FormAlert state={state} success={t("removed")} />
    </form>
  );
}

/** A head invites someone to the school: they receive the invitation e-mail. */
export function InviteStaffForm({ action, uai, functions }: { action: FormAction; uai: string; functions: Option[] }) {
  const t = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  const formId = `invite-${uai}`;
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="establishment" value={uai} />
      <TextField formId={formId} name="name" label={t("name")} state={state} required />
      <TextField formId={formId} name="email" label={t("email")} state={state} type="email" required />
      <SelectField formId={formId} name="role" label={t("role")} state={state} defaultValue="requester">
        <option value="requester">{t("roleRequester")}</option>
        <option value="manager">{t("roleManager")}</option>
      </SelectField>
      <SelectField formId={formId} name="function" label={t("function")} state={state} defaultValue="">
        <option value="">{t("noFunction")}</option>
        {functions.map((item) => (
          <option key={item.code} value={item.code}>
            {item.label}
          </option>
        ))}
      </SelectField>
      <div className="space-y-2 sm:col-span-2">
        <FormAlert state={state} success={t("invitedDone")} />
        <SubmitButton pending={pending} label={t("invite")} pendingLabel={t("inviting")} />
      </div>
    </form>
  );
}
