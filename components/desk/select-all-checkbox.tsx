"use client";

import { useTranslations } from "next-intl";

/** "Tout sélectionner": checks or clears every row's checkbox of the form it sits in. */
export function SelectAllCheckbox({ field }: { field: string }) {
  const t = useTranslations("desk.bulk");
  return (
    <input
      type="checkbox"
      aria-label={t("selectAll")}
      title={t("selectAll")}
      onChange={(event) => {
        const { form, checked } = event.currentTarget;
        form?.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${field}"]`).forEach((box) => {
          box.checked = checked;
        });
      }}
    />
  );
}
