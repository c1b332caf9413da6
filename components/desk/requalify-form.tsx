"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/components/ui/use-action-form";
import { IMPACTS, TICKET_TYPES, URGENCIES, type Impact, type TicketType, type Urgency } from "@/lib/domain/vocabulary";
import type { RequalificationPreview, RequalificationPreviewState } from "@/lib/schemas/desk-forms";
import { IDLE, type FormState } from "@/lib/schemas/form-state";
import { DeskForm } from "./desk-form";
import { RoutingPreview } from "./routing-preview";

type Choice = RequalificationPreview["choice"];
type CatalogueService = { code: string; name: string; categories: Array<{ code: string; name: string; type: TicketType }> };

/** The categories on offer for a choice: the chosen service's, of the chosen type (a category fixes the ticket's type). */
const categoriesFor = (services: CatalogueService[], choice: Choice) =>
  (services.find((service) => service.code === choice.serviceCode)?.categories ?? []).filter((category) => category.type === choice.type);

type Props = {
  reference: string;
  current: Choice;
  services: CatalogueService[];
  teamName: Record<string, string>;
  preview: (form: FormData) => Promise<RequalificationPreviewState>;
  apply: FormAction;
};

/**
 * "Requalifier": type, service, category, impact and urgency; first what routing would decide
 * (rule, team, priority), then "Appliquer" applies exactly what was previewed.
 */
export function RequalifyForm({ reference, current, services, teamName, preview, apply }: Props) {
  const t = useTranslations();
  const formId = useId();
  const [choice, setChoice] = useState<Choice>(current);
  const [outcome, setOutcome] = useState<RequalificationPreviewState>(IDLE);
  const [applied, setApplied] = useState(false);
  const [pending, startTransition] = useTransition();

  const categories = categoriesFor(services, choice);
  // Any change makes the preview stale: it must be asked for again before applying.
  const change = (next: Partial<Choice>) => {
    setOutcome(IDLE);
    setApplied(false);
    setChoice((previous) => {
      const merged = { ...previous, ...next };
      const offered = categoriesFor(services, merged);
      return offered.some((category) => category.code === merged.categoryCode)
        ? merged
        : { ...merged, categoryCode: offered[0]?.code ?? "" };
    });
  };
  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setOutcome(await preview(form)));
  };
  const formState: FormState = outcome.status === "preview" ? IDLE : outcome;

  return (
    <div className="space-y-3">
      <form onSubmit={onPreview} noValidate className="space-y-3">
        <input type="hidden" name="reference" value={reference} />
        <SelectField
          formId={formId}
          name="type"
          label={t("desk.requalify.type")}
          state={formState}
          value={choice.type}
          onChange={(event) => change({ type: event.target.value as TicketType })}
        >
          {TICKET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`tickets.type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          formId={formId}
          name="serviceCode"
          label={t("desk.requalify.service")}
          state={formState}
          value={choice.serviceCode}
          onChange={(event) => change({ serviceCode: event.target.value })}
        >
          {services.map((service) => (
            <option key={service.code} value={service.code}>
              {service.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          formId={formId}
          name="categoryCode"
          label={t("desk.requalify.category")}
          state={formState}
          value={choice.categoryCode}
          onChange={(event) => change({ categoryCode: event.target.value })}
        >
          {categories.length === 0 && <option value="">{t("desk.requalify.noCategory")}</option>}
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {category.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          formId={formId}
          name="impact"
          label={t("desk.requalify.impact")}
          state={formState}
          value={choice.impact}
          onChange={(event) => change({ impact: event.target.value as Impact })}
        >
          {IMPACTS.map((impact) => (
            <option key={impact} value={impact}>
              {t(`tickets.impact.${impact}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          formId={formId}
          name="urgency"
          label={t("desk.requalify.urgency")}
          state={formState}
          value={choice.urgency}
          onChange={(event) => change({ urgency: event.target.value as Urgency })}
        >
          {URGENCIES.map((urgency) => (
            <option key={urgency} value={urgency}>
              {t(`tickets.urgency.${urgency}`)}
            </option>
          ))}
        </SelectField>
        <FormAlert state={formState} />
        <SubmitButton pending={pending} label={t("desk.requalify.preview")} pendingLabel={t("desk.pending")} tone="secondary" />
      </form>
      {applied && (
        <p role="status" className="text-sm text-emerald-800">
          {t("desk.requalify.done")}
        </p>
      )}
      {outcome.status === "preview" && !applied && (
        <>
          <RoutingPreview preview={outcome} teamName={(code) => teamName[code] ?? null} />
          <DeskForm
            action={apply}
            hidden={{ reference, ...outcome.choice }}
            submitLabel={t("desk.requalify.apply")}
            success={t("desk.requalify.done")}
            onDone={() => setApplied(true)}
          />
        </>
      )}
    </div>
  );
}
