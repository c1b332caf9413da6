"use client";

import { useTranslations } from "next-intl";
import type { CategoryField as Field } from "@/lib/schemas/category-fields";
import { FieldMessage } from "./field-message";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** One of the category's own questions, rendered by its kind; posted as `fields.<name>`. */
export function CategoryField({ field, value, error }: { field: Field; value?: string; error?: string }) {
  const t = useTranslations("filing");
  const name = `fields.${field.name}`;
  const id = `field-${field.name}`;
  const common = {
    id,
    name,
    defaultValue: value ?? "",
    "aria-invalid": Boolean(error),
    "aria-describedby": error ? `${id}-error` : undefined,
    className: INPUT,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label} {field.required === false && <span className="font-normal text-slate-500">{t("optional")}</span>}
      </label>
      {field.kind === "enum" ? (
        <select {...common} defaultValue={value ?? field.default ?? ""}>
          {field.default === undefined && <option value="" />}
          {field.options.map((option, index) => (
            <option key={option} value={option}>
              {field.labels?.[index] ?? option}
            </option>
          ))}
        </select>
      ) : field.kind === "integer" ? (
        <input {...common} type="number" inputMode="numeric" min={field.min} max={field.max} step={1} />
      ) : (
        <input {...common} type={field.kind === "date" ? "date" : field.kind === "url" ? "url" : "text"} />
      )}
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
