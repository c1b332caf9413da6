"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldLabel, FormAlert } from "@/components/ui/form-feedback";
import { useActionForm } from "@/components/ui/use-action-form";
import { asksSignedRequest } from "@/lib/domain/filing-rules";
import type { ApproverKind, Impact, TicketType, Urgency } from "@/lib/domain/vocabulary";
import type { CategoryField as Field } from "@/lib/schemas/category-fields";
import type { FormState } from "@/lib/schemas/form-state";
import { ATTACHMENT_ACCEPT } from "@/lib/schemas/ticket-forms";
import { ArticleSuggestions } from "./article-suggestions";
import { CategoryField } from "./category-field";
import { CiPicker } from "./ci-picker";
import { FieldMessage } from "./field-message";
import { PriorityPicker } from "./priority-picker";

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** "Cela a résolu mon problème" on an article suggested above the form; none on the desk's calls. */
  deflect?: (state: FormState, form: FormData) => Promise<FormState>;
  service: { code: string };
  category: { code: string; type: TicketType; hardware: boolean; fields: Field[]; approvalLevels: ApproverKind[] };
  schools: Array<{ uai: string; name: string }>;
  outOfInventoryNotice: string;
  /** Entries posted as they are (a phone call's contact: `requesterId`). */
  hidden?: Record<string, string>;
  /** Where the unsent draft is kept; one per category by default. */
  draftKey?: string;
};

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** The guided form of one category: its own questions, impact and urgency, equipment, files. */
export function TicketForm({ action, deflect, service, category, schools, outOfInventoryNotice, hidden = {}, draftKey }: Props) {
  const t = useTranslations("filing");
  const tWords = useTranslations("words");
  const tForms = useTranslations("forms");
  // Submitted without React's form reset: a refused form keeps its text and its chosen files.
  // The draft survives a submit that meets an expired session, until the ticket is filed.
  const { state, pending, formProps } = useActionForm(action, { draft: draftKey ?? `filing:${category.code}` });
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = Object.fromEntries(
    Object.entries(state.status === "error" ? state.fields : {}).map(([field, messages]) => [field, messages[0]]),
  );
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const [school, setSchool] = useState(text("establishmentUai") ?? schools[0]!.uai);
  const [typedTitle, setTypedTitle] = useState(text("title") ?? "");
  const hardwareIncident = category.hardware && category.type === "incident";
  const signed = asksSignedRequest(category);

  return (
    <>
      {deflect && <ArticleSuggestions categoryCode={category.code} establishmentUai={school} title={typedTitle} deflect={deflect} />}
      <form {...formProps} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <FormAlert state={state} />
        <p className="text-xs text-slate-500">{tForms("requiredLegend")}</p>
        <input type="hidden" name="type" value={category.type} />
        <input type="hidden" name="serviceCode" value={service.code} />
        <input type="hidden" name="categoryCode" value={category.code} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {schools.length > 1 ? (
          <div>
            <label htmlFor="establishmentUai" className="block text-sm font-medium">
              {t("establishment")}
            </label>
            <select
              id="establishmentUai"
              name="establishmentUai"
              value={school}
              onChange={(event) => setSchool(event.target.value)}
              className={INPUT}
            >
              {schools.map((option) => (
                <option key={option.uai} value={option.uai}>
                  {option.name} ({option.uai})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="establishmentUai" value={school} />
        )}
        <div>
          <FieldLabel htmlFor="title" label={t("titleLabel")} required />
          <input
            id="title"
            name="title"
            required
            minLength={3}
            maxLength={200}
            defaultValue={text("title")}
            onChange={(event) => setTypedTitle(event.target.value)}
            aria-describedby="title-help title-error"
            aria-invalid={Boolean(errors.title)}
            className={INPUT}
          />
          <p id="title-help" className="mt-1 text-xs text-slate-500">
            {t("titleHelp", { type: category.type })}
          </p>
          <FieldMessage id="title-error" message={errors.title} />
        </div>
        <div>
          <FieldLabel htmlFor="description" label={t("description")} required />
          <textarea
            id="description"
            name="description"
            rows={5}
            required
            maxLength={10_000}
            defaultValue={text("description")}
            aria-describedby="description-help description-error"
            aria-invalid={Boolean(errors.description)}
            className={INPUT}
          />
          <p id="description-help" className="mt-1 text-xs text-slate-500">
            {t("descriptionHelp", { type: category.type })}
          </p>
          <FieldMessage id="description-error" message={errors.description} />
        </div>
        {category.fields.length > 0 && (
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold">{t("categoryFields")}</legend>
            {category.fields.map((field) => (
              <CategoryField key={field.name} field={field} value={text(`fields.${field.name}`)} error={errors[`fields.${field.name}`]} />
            ))}
          </fieldset>
        )}
        <PriorityPicker impact={text("impact") as Impact | undefined} urgency={text("urgency") as Urgency | undefined} />
        <CiPicker key={school} establishmentUai={school} initial={[]} notice={hardwareIncident ? outOfInventoryNotice : null} />
        <FieldMessage id="ciIds-error" message={errors.ciIds} />
        <div>
          <label htmlFor="attachments" className="block text-sm font-medium">
            {signed ? tWords("signedRequest") : t("attachments")}
          </label>
          <input
            id="attachments"
            name="attachments"
            type="file"
            multiple
            accept={ATTACHMENT_ACCEPT}
            aria-describedby="attachments-help attachments-error"
            className="mt-1 block text-sm"
          />
          <p id="attachments-help" className="mt-1 text-xs text-slate-500">
            {signed && <>{tWords("signedRequestHelp")} </>}
            {t("attachmentsHelp")}
          </p>
          <FieldMessage id="attachments-error" message={errors.attachments} />
        </div>
        {errors.categoryCode && <FieldMessage id="category-error" message={errors.categoryCode} />}
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
    </>
  );
}
