"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";

export type DraftLine = {
  room: string;
  code: string;
  quantity: number;
  kind: "renewal" | "extension";
  justification: string;
  priority: number;
};
type Item = { code: string; label: string };

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

/** The questionnaire's draft: pupils, remarks and the lines, one card each (a phone's width), added and removed here. */
export function QuestionnaireForm(props: {
  action: FormAction;
  year: number;
  uai: string;
  pupils: number | null;
  notes: string | null;
  lines: DraftLine[];
  catalogue: Item[];
}) {
  const t = useTranslations("campaigns");
  const { state, pending, formProps } = useActionForm(props.action);
  const [rows, setRows] = useState(() => props.lines.map((line, index) => ({ key: index, line })));
  const [next, setNext] = useState(props.lines.length);
  const id = "questionnaire";
  const add = () => {
    setRows([
      ...rows,
      { key: next, line: { room: "", code: props.catalogue[0]?.code ?? "", quantity: 1, kind: "renewal", justification: "", priority: 2 } },
    ]);
    setNext(next + 1);
  };
  return (
    <form {...formProps} noValidate className="space-y-4">
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="uai" value={props.uai} />
      <TextField
        formId={id}
        name="pupils"
        label={t("questionnaire.pupils")}
        state={state}
        type="number"
        min={0}
        inputMode="numeric"
        defaultValue={props.pupils ?? ""}
      />
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t("questionnaire.noLines")}</p> : null}
      <ol className="space-y-3">
        {rows.map(({ key, line }, index) => {
          const field = (name: string) => `${id}-${key}-${name}`;
          return (
            <li key={key} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
              <h3 className="font-medium">{t("questionnaire.line", { n: index + 1 })}</h3>
              <div className="grid gap-2 sm:grid-cols-2">
                <div>
                  <label htmlFor={field("code")} className="text-sm font-medium">
                    {t("questionnaire.item")}
                  </label>
                  <select id={field("code")} name="code" defaultValue={line.code} className={INPUT}>
                    {props.catalogue.map((item) => (
                      <option key={item.code} value={item.code}>
                        {item.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={field("room")} className="text-sm font-medium">
                    {t("questionnaire.room")}
                  </label>
                  <input id={field("room")} name="room" defaultValue={line.room} maxLength={60} className={INPUT} />
                </div>
                <div>
                  <label htmlFor={field("quantity")} className="text-sm font-medium">
                    {t("questionnaire.quantity")}
                  </label>
                  <input
                    id={field("quantity")}
                    name="quantity"
                    type="number"
                    min={1}
                    max={500}
                    inputMode="numeric"
                    defaultValue={line.quantity}
                    className={INPUT}
                  />
                </div>
                <div>
                  <label htmlFor={field("kind")} className="text-sm font-medium">
                    {t("questionnaire.kind")}
                  </label>
                  <select id={field("kind")} name="kind" defaultValue={line.kind} className={INPUT}>
                    <option value="renewal">{t("kinds.renewal")}</option>
                    <option value="extension">{t("kinds.extension")}</option>
                  </select>
                </div>
                <div>
                  <label htmlFor={field("priority")} className="text-sm font-medium">
                    {t("questionnaire.priority")}
                  </label>
                  <select id={field("priority")} name="priority" defaultValue={String(line.priority)} className={INPUT}>
                    {[1, 2, 3].map((priority) => (
                      <option key={priority} value={priority}>
                        {t(`priorities.${priority}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="sm:col-span-2">
                  <label htmlFor={field("justification")} className="text-sm font-medium">
                    {t("questionnaire.justification")}
                  </label>
                  <textarea
                    id={field("justification")}
                    name="justification"
                    defaultValue={line.justification}
                    rows={2}
                    maxLength={1000}
                    className={INPUT}
                  />
                </div>
              </div>
              <button
                type="button"
                onClick={() => setRows(rows.filter((row) => row.key !== key))}
                className="rounded-md border border-slate-300 px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
              >
                {t("questionnaire.removeLine", { n: index + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={add}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {t("questionnaire.addLine")}
      </button>
      <TextAreaField formId={id} name="notes" label={t("questionnaire.notes")} state={state} rows={3} maxLength={2000} />
      <div className="space-y-2">
        <SubmitButton pending={pending} label={t("questionnaire.save")} pendingLabel={t("questionnaire.save")} />
        <FormAlert state={state} success={t("questionnaire.saved")} />
      </div>
    </form>
  );
}

/** Submitting (or, for the head, approving) the questionnaire: one button. */
export function SubmitQuestionnaireForm({ action, year, uai, label }: { action: FormAction; year: number; uai: string; label: string }) {
  const t = useTranslations("campaigns");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="uai" value={uai} />
      <SubmitButton pending={pending} label={label} pendingLabel={label} />
      <FormAlert state={state} success={t("questionnaire.submitted")} />
    </form>
  );
}

/** Asking the referent technician for an inventory and advice. */
export function AdviceForm({ action, year, uai }: { action: FormAction; year: number; uai: string }) {
  const t = useTranslations("campaigns");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="space-y-2">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="uai" value={uai} />
      <TextAreaField
        formId="advice"
        name="message"
        label={t("questionnaire.adviceMessage")}
        state={state}
        rows={3}
        required
        maxLength={2000}
      />
      <SubmitButton pending={pending} label={t("questionnaire.adviceAsk")} pendingLabel={t("questionnaire.adviceAsk")} tone="secondary" />
      <FormAlert state={state} />
    </form>
  );
}

type AllocationLine = { id: string; summary: string; quantity: number; granted: number | null; reason: string | null };

/** The analysts' decision: a quantity granted per line, and a reason when it is cut. */
export function AllocationForm({ action, year, uai, lines }: { action: FormAction; year: number; uai: string; lines: AllocationLine[] }) {
  const t = useTranslations("campaigns");
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} noValidate className="space-y-3">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="uai" value={uai} />
      {lines.map((line, index) => (
        <fieldset key={line.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <legend className="px-1 text-sm font-medium">{line.summary}</legend>
          <input type="hidden" name="lineId" value={line.id} />
          <div>
            <label htmlFor={`allocation-${index}-granted`} className="text-sm font-medium">
              {t("allocate.granted")}
            </label>
            <input
              id={`allocation-${index}-granted`}
              name="granted"
              type="number"
              min={0}
              max={line.quantity}
              inputMode="numeric"
              defaultValue={line.granted ?? line.quantity}
              className={INPUT}
            />
          </div>
          <div>
            <label htmlFor={`allocation-${index}-reason`} className="text-sm font-medium">
              {t("allocate.reason")}
            </label>
            <input id={`allocation-${index}-reason`} name="reason" defaultValue={line.reason ?? ""} maxLength={500} className={INPUT} />
          </div>
        </fieldset>
      ))}
      <SubmitButton pending={pending} label={t("allocate.submit")} pendingLabel={t("allocate.submit")} />
      <FormAlert state={state} success={t("allocate.done")} />
    </form>
  );
}
