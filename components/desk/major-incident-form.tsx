"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import type { FormAction } from "@/components/ui/use-action-form";
import { DeskForm } from "./desk-form";

/** "Rattacher à l'incident majeur": the ticket joins the major incident of an announced outage and is resolved with it. */
export function MajorIncidentForm({
  reference,
  action,
  majors,
}: {
  reference: string;
  action: FormAction;
  majors: Array<{ reference: string; title: string }>;
}) {
  const t = useTranslations("announcements.major");
  return (
    <DeskForm action={action} hidden={{ reference }} submitLabel={t("group")} success={t("grouped")} tone="secondary">
      {({ state, formId }) => (
        <SelectField formId={formId} name="major" label={t("incident")} state={state} defaultValue={majors[0]?.reference ?? ""}>
          {majors.map((major) => (
            <option key={major.reference} value={major.reference}>
              {major.reference} — {major.title}
            </option>
          ))}
        </SelectField>
      )}
    </DeskForm>
  );
}
