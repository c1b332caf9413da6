"use client";

import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-feedback";
import { OneTimeForm } from "@/components/ui/one-time-form";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { FormAction } from "@/components/ui/use-action-form";

type Line = {
  id: string;
  position: number;
  label: string;
  model: string;
  quantity: number;
  room: string | null;
  expectedSerials: string[];
  class: string;
};
type Replaceable = { id: string; name: string; class: string; room: string | null; model: string | null };

const ANOMALIES = ["missing", "wrong_model", "damaged", "other"] as const;

/**
 * The school's check, line by line: the serials received (typed, or scanned by a phone's keyboard scanner, which
 * types each one and presses Enter: one a line), or ticked from the supplier's list; how many came when not every
 * item has a serial to read; an anomaly with the serials it concerns; the old items of the room each line replaces.
 */
export function CheckForm({
  action,
  deliveryId,
  lines,
  replaceable,
}: {
  action: FormAction;
  deliveryId: string;
  lines: Line[];
  replaceable: Replaceable[];
}) {
  const t = useTranslations("deliveries.check");
  const tAnomaly = useTranslations("deliveries.anomalies");
  return (
    <OneTimeForm action={action} hidden={{ id: deliveryId, lineCount: String(lines.length) }} done={t("done")}>
      {({ id, state, pending }) => (
        <>
          {lines.map((line, index) => {
            const field = (name: string) => `lines.${index}.${name}`;
            const olds = replaceable.filter((item) => item.class === line.class && (!line.room || item.room === line.room)).slice(0, 60);
            return (
              <fieldset key={line.id} className="space-y-3 rounded-md border border-slate-200 p-3">
                <legend className="px-1 font-medium">
                  {t("legend", { position: line.position, label: line.label, model: line.model, quantity: line.quantity })}
                </legend>
                <input type="hidden" name={field("id")} value={line.id} />
                {line.room && <p className="text-sm text-slate-600">{t("room", { room: line.room })}</p>}
                {line.expectedSerials.length > 0 && (
                  <div>
                    <p className="text-sm font-medium">{t("tick")}</p>
                    <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                      {line.expectedSerials.map((serial) => (
                        <li key={serial}>
                          <label className="flex items-center gap-2 text-sm">
                            <input type="checkbox" name={field("ticked")} value={serial} /> {serial}
                          </label>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <TextAreaField
                  formId={id}
                  name={field("serials")}
                  label={t("serials")}
                  state={state}
                  rows={Math.min(12, Math.max(3, line.quantity))}
                />
                <p className="text-sm text-slate-600">{t("serialsHelp")}</p>
                <TextField
                  formId={id}
                  name={field("received")}
                  label={t("received")}
                  state={state}
                  type="number"
                  min={0}
                  max={line.quantity}
                  inputMode="numeric"
                />
                <SelectField formId={id} name={field("anomaly")} label={t("anomaly")} state={state} defaultValue="">
                  <option value="">{t("noAnomaly")}</option>
                  {ANOMALIES.map((kind) => (
                    <option key={kind} value={kind}>
                      {tAnomaly(kind)}
                    </option>
                  ))}
                </SelectField>
                <TextField formId={id} name={field("anomalySerials")} label={t("anomalySerials")} state={state} autoComplete="off" />
                <TextField formId={id} name={field("note")} label={t("note")} state={state} maxLength={2000} />
                {olds.length > 0 && (
                  // Folded: a school holds dozens of items of a class, and most checks replace none of them.
                  <details>
                    <summary className="cursor-pointer text-sm font-medium">{t("replacesCount", { count: olds.length })}</summary>
                    <ul className="mt-1 space-y-1">
                      {olds.map((item) => (
                        <li key={item.id}>
                          <label className="flex items-center gap-2 text-sm">
                            <input type="checkbox" name={field("replaces")} value={item.id} />
                            {t("oldItem", { name: item.name, room: item.room ?? "—", model: item.model ?? "—" })}
                          </label>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </fieldset>
            );
          })}
          <FormAlert state={state} />
          <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("sending")} />
        </>
      )}
    </OneTimeForm>
  );
}
