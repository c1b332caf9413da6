"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { DELIVERIES, STAFF_NOTIFICATION_KINDS, type Delivery, type StaffNotificationKind } from "@/lib/domain/staff-notifications";

type Props = { action: FormAction; preferences: Partial<Record<StaffNotificationKind, Delivery>> };

/** "Mon compte": per kind of notification, when an e-mail goes with it (or the default). */
export function NotificationPreferencesForm({ action, preferences }: Props) {
  const t = useTranslations("notifications");
  const tPeople = useTranslations("people");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="max-w-xl space-y-4">
      {STAFF_NOTIFICATION_KINDS.map((kind) => (
        <SelectField
          key={kind}
          formId="notification-preferences"
          name={kind}
          label={t(`kinds.${kind}`)}
          state={state}
          defaultValue={preferences[kind] ?? "default"}
        >
          <option value="default">{t("preferences.default")}</option>
          {DELIVERIES.map((delivery) => (
            <option key={delivery} value={delivery}>
              {t(`preferences.delivery.${delivery}`)}
            </option>
          ))}
        </SelectField>
      ))}
      <FormAlert state={state} success={t("preferences.saved")} />
      <SubmitButton pending={pending} label={t("preferences.save")} pendingLabel={tPeople("saving")} />
    </form>
  );
}
