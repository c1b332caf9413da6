"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

type Props = { reference: string; action: FormAction; members: Array<{ id: string; name: string }>; assigneeId: string | null };

/** "Attribuer à": one of the holding team's members. */
export function AssignForm({ reference, action, members, assigneeId }: Props) {
  const t = useTranslations("desk.assign");
  if (members.length === 0) return <p className="text-sm text-slate-600">{t("noMembers")}</p>;
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("submit")} success={t("done")} tone="secondary">
      {({ state, formId }) => (
        <SelectField formId={formId} name="assignee" label={t("member")} state={state} defaultValue={assigneeId ?? ""} required>
          <option value="" disabled>
            {t("choose")}
          </option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
      )}
    </DeskForm>
  );
}
