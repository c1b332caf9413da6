"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FieldErrors, FormAlert, fieldA11y } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import { attributeKeysFor, CI_ATTRIBUTES } from "@/lib/domain/ci-classes";
import { parentRule } from "@/lib/domain/ci-relations";
import { CI_CLASSES, CI_CRITICALITIES, CI_STATUSES, FUNDINGS, type CiClass } from "@/lib/domain/vocabulary";

type Option = { id: string; name: string; class: CiClass };

type Props = {
  action: FormAction;
  school: { uai: string; name: string };
  /** The item's current values (edit), by form field name; attributes as `attr.<key>`. */
  initial: Record<string, string>;
  id?: string;
  vendors: string[];
  /** Items of the school that can be an uplink or a host (network devices, servers), the item itself excluded. */
  parents: Option[];
  /** The school's software, with the version installed on this item when it is. */
  software: Array<{ id: string; name: string; installed: string | null }>;
};

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-base aria-[invalid=true]:border-red-600";

/** Creating or editing an item: the common fields, then the ones its class takes (they change with the class), relations, software. */
export function CiForm({ action, school, initial, id, vendors, parents, software }: Props) {
  const t = useTranslations("cmdb");
  const formId = useId();
  const { state, pending, formProps } = useActionForm(action);
  const [ciClass, setCiClass] = useState<CiClass>((initial.class as CiClass) || "pc");
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextField formId={formId} name={name} label={label} state={state} defaultValue={initial[name] ?? ""} {...extra} />
  );
  const rule = parentRule(ciClass);
  const parentOptions = rule ? parents.filter((parent) => rule.classes.includes(parent.class)) : [];
  const computer = ["pc", "laptop", "tablet", "server", "virtual_machine"].includes(ciClass);

  return (
    <form {...formProps} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-4">
      {id && <input type="hidden" name="id" value={id} />}
      <input type="hidden" name="establishment" value={school.uai} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-medium">{t("form.common")}</legend>
        {text("name", t("fields.name"), { required: true, maxLength: 120 })}
        <SelectField
          formId={formId}
          name="class"
          label={t("fields.class")}
          state={state}
          value={ciClass}
          onChange={(event) => setCiClass(event.target.value as CiClass)}
        >
          {CI_CLASSES.map((value) => (
            <option key={value} value={value}>
              {t(`classes.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField formId={formId} name="status" label={t("fields.status")} state={state} defaultValue={initial.status ?? "production"}>
          {CI_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`statuses.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          formId={formId}
          name="criticality"
          label={t("fields.criticality")}
          state={state}
          defaultValue={initial.criticality ?? "low"}
        >
          {CI_CRITICALITIES.map((value) => (
            <option key={value} value={value}>
              {t(`criticalities.${value}`)}
            </option>
          ))}
        </SelectField>
        {text("building", t("fields.building"))}
        {text("room", t("fields.room"))}
        {text("brand", t("fields.brand"))}
        {text("model", t("fields.model"))}
        {text("serialNumber", t("fields.serialNumber"))}
        {text("assetNumber", t("fields.assetNumber"))}
        {text("regionNumber", t("fields.regionNumber"))}
      </fieldset>

      {attributeKeysFor(ciClass).length > 0 && (
        <fieldset className="grid gap-4 sm:grid-cols-2" key={ciClass}>
          <legend className="mb-2 text-lg font-medium">{t("detail.specific")}</legend>
          {attributeKeysFor(ciClass).map((key) => {
            const kind = CI_ATTRIBUTES[key];
            const field = `attributes.${key}`;
            return (
              <div key={key}>
                <label htmlFor={`${formId}-attr-${key}`} className="block text-sm font-medium">
                  {t(`attributes.${key}`)}
                </label>
                <input
                  id={`${formId}-attr-${key}`}
                  name={`attr.${key}`}
                  defaultValue={initial[`attr.${key}`] ?? ""}
                  className={INPUT}
                  type={kind === "date" ? "date" : kind === "integer" ? "number" : "text"}
                  min={kind === "integer" ? 0 : undefined}
                  {...fieldA11y(state, formId, field)}
                />
                <FieldErrors state={state} formId={formId} field={field} />
              </div>
            );
          })}
        </fieldset>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-medium">{t("form.lifecycle")}</legend>
        {text("purchaseDate", t("fields.purchaseDate"), { type: "date" })}
        {text("deliveryDate", t("fields.deliveryDate"), { type: "date" })}
        <div>
          {text("warrantyEnd", t("fields.warrantyEnd"), { type: "date" })}
          <p className="mt-1 text-xs text-slate-500">{t("fields.warrantyEndHelp")}</p>
        </div>
        <SelectField formId={formId} name="funding" label={t("fields.funding")} state={state} defaultValue={initial.funding ?? "region"}>
          {FUNDINGS.map((value) => (
            <option key={value} value={value}>
              {t(`fundings.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField formId={formId} name="maintainer" label={t("fields.maintainer")} state={state} defaultValue={initial.maintainer ?? ""}>
          <option value="">{t("fields.noMaintainer")}</option>
          {vendors.map((vendor) => (
            <option key={vendor} value={vendor}>
              {vendor}
            </option>
          ))}
        </SelectField>
        {rule && (
          <SelectField
            formId={formId}
            name="parentId"
            label={t("fields.parent")}
            state={state}
            defaultValue={initial.parentId ?? ""}
            key={`parent-${ciClass}`}
          >
            <option value="">{t("fields.noParent")}</option>
            {parentOptions.map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.name} ({t(`classes.${parent.class}`)})
              </option>
            ))}
          </SelectField>
        )}
        <div className="sm:col-span-2">
          <label htmlFor={`${formId}-notes`} className="block text-sm font-medium">
            {t("fields.notes")}
          </label>
          <textarea id={`${formId}-notes`} name="notes" rows={3} maxLength={2000} defaultValue={initial.notes ?? ""} className={INPUT} />
          <FieldErrors state={state} formId={formId} field="notes" />
        </div>
      </fieldset>

      {computer && software.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-lg font-medium">{t("fields.software")}</legend>
          <input type="hidden" name="softwareListed" value="1" />
          {software.map((item) => (
            <div key={item.id} className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" name="software" value={item.id} defaultChecked={item.installed !== null} />
                {item.name}
              </label>
              <input
                name={`softwareVersion.${item.id}`}
                aria-label={t("fields.softwareVersion", { name: item.name })}
                defaultValue={item.installed ?? ""}
                placeholder="Version"
                className="w-40 rounded-md border border-slate-300 px-2 py-1"
              />
            </div>
          ))}
          <FieldErrors state={state} formId={formId} field="software" />
        </fieldset>
      )}

      <FormAlert state={state} />
      <SubmitButton pending={pending} label={t("form.save")} pendingLabel={t("pending")} />
    </form>
  );
}
