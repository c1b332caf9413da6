"use client";

/** "Tout sélectionner": checks or clears every item's checkbox of the form it sits in. */
export function CiSelectAll({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      title={label}
      onChange={(event) => {
        const { form, checked } = event.currentTarget;
        form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="ids"]').forEach((box) => {
          box.checked = checked;
        });
      }}
    />
  );
}
