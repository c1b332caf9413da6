"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldErrors, fieldA11y } from "@/components/ui/form-feedback";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

type Mode = "none" | "next_business_day" | "hours";
type Props = { action: FormAction; vendor: { id: string; name: string }; mode: Mode; hours: number | null };

const FIELD = "rounded-md border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-red-600";

/** A vendor's repair time: none, next business day, or a number of business hours. */
export function RepairTimeForm({ action, vendor, mode, hours }: Props) {
  const t = useTranslations("sla");
  const { state, pending, formProps } = useActionForm(action);
  const [chosen, setChosen] = useState<Mode>(mode);
  const id = `vendor-${vendor.id}`;
  return (
    <form {...formProps} noValidate className="flex flex-wrap items-start gap-2" aria-label={vendor.name}>
      <input type="hidden" name="vendorId" value={vendor.id} />
      <label className="sr-only" htmlFor={`${id}-mode`}>
        {t("admin.vendors.mode")}
      </label>
      <select
        id={`${id}-mode`}
        name="mode"
        defaultValue={mode}
        onChange={(event) => setChosen(event.target.value as Mode)}
        className={FIELD}
      >
        <option value="none">{t("repairTime.none")}</option>
        <option value="next_business_day">{t("repairTime.nextBusinessDay")}</option>
        <option value="hours">{t("admin.vendors.hours")}</option>
      </select>
      {chosen === "hours" && (
        <div>
          <label className="sr-only" htmlFor={`${id}-hours`}>
            {t("admin.vendors.hours")}
          </label>
          <input
            id={`${id}-hours`}
            name="hours"
            type="number"
            min={1}
            max={300}
            step={1}
            defaultValue={hours ?? 8}
            className={`${FIELD} w-24`}
            {...fieldA11y(state, id, "hours")}
          />
          <FieldErrors state={state} formId={id} field="hours" />
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? t("admin.vendors.saving") : t("admin.vendors.save")}
      </button>
      <span role="status" className={`text-xs ${state.status === "error" ? "text-red-700" : "text-emerald-800"}`}>
        {state.status === "error" ? state.message : state.status === "ok" ? t("admin.vendors.saved") : ""}
      </span>
    </form>
  );
}
