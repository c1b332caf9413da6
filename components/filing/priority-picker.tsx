"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { priorityOf } from "@/lib/domain/priority";
import { IMPACTS, URGENCIES, type Impact, type Urgency } from "@/lib/domain/vocabulary";

const IMPACT_LABEL = { school: "impactSchool", group: "impactGroup", individual: "impactIndividual" } as const;
const URGENCY_LABEL = { high: "urgencyHigh", medium: "urgencyMedium", low: "urgencyLow" } as const;

/** Impact and urgency in the school's words; the priority they give is shown as they are chosen. */
export function PriorityPicker({ impact: initialImpact, urgency: initialUrgency }: { impact?: Impact; urgency?: Urgency }) {
  const t = useTranslations("filing");
  const [impact, setImpact] = useState<Impact>(initialImpact ?? "individual");
  const [urgency, setUrgency] = useState<Urgency>(initialUrgency ?? "medium");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset>
        <legend className="text-sm font-medium">{t("impact")}</legend>
        {IMPACTS.map((value) => (
          <label key={value} className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="impact" value={value} checked={impact === value} onChange={() => setImpact(value)} />{" "}
            {t(IMPACT_LABEL[value])}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("urgency")}</legend>
        {URGENCIES.map((value) => (
          <label key={value} className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="urgency" value={value} checked={urgency === value} onChange={() => setUrgency(value)} />{" "}
            {t(URGENCY_LABEL[value])}
          </label>
        ))}
      </fieldset>
      <p className="text-sm sm:col-span-2" aria-live="polite">
        <strong data-testid="computed-priority">{t("priority", { priority: priorityOf(impact, urgency) })}</strong>{" "}
        <span className="text-slate-500">{t("priorityHelp")}</span>
      </p>
    </div>
  );
}
