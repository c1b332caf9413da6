"use server";

import { z } from "zod";
import { formAction } from "@/lib/auth/form-action";
import type { FormValues } from "@/lib/schemas/form-state";
import { adviceSchema, allocationSchema, campaignYear, createCampaignSchema, saveRequestSchema } from "@/lib/schemas/campaigns";
import { uaiCode } from "@/lib/schemas/primitives";
import { allocateRequest } from "@/lib/services/campaigns/allocation";
import { createCampaign } from "@/lib/services/campaigns/campaigns";
import { askAdvice, saveQuestionnaire, submitQuestionnaire } from "@/lib/services/campaigns/questionnaire";
import { CAMPAIGN_PHASES } from "@/lib/domain/campaigns";

const list = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
const one = (values: FormValues, name: string): string => list(values, name)[0] ?? "";
const target = z.object({ year: campaignYear, uai: uaiCode });
const questionnairePath = (input: { year: number; uai: string }) => [
  `/campagnes/${input.year}/etablissements/${input.uai}`,
  `/campagnes/${input.year}`,
];

/** The questionnaire form: repeated line fields zipped into lines; an empty pupils field is "not given". */
function readQuestionnaire(_form: FormData, values: FormValues) {
  const codes = list(values, "code");
  const pupils = one(values, "pupils").trim();
  return {
    year: one(values, "year"),
    uai: one(values, "uai"),
    pupils: pupils === "" ? null : Number(pupils),
    notes: one(values, "notes"),
    lines: codes.map((code, index) => ({
      room: list(values, "room")[index] ?? "",
      code,
      quantity: list(values, "quantity")[index] ?? "",
      kind: list(values, "kind")[index] ?? "",
      justification: list(values, "justification")[index] ?? "",
      priority: list(values, "priority")[index] ?? "",
    })),
  };
}

export const saveQuestionnaireAction = formAction(
  saveRequestSchema.extend(target.shape),
  async ({ year, uai, ...input }, caller, _form, now, actor) => {
    const saved = await saveQuestionnaire(caller, year, uai, input, now, actor);
    return saved.ok ? { ok: true as const, value: null } : saved;
  },
  { revalidate: questionnairePath, read: readQuestionnaire, notFound: "campaigns.errors.notFound" },
);

export const submitQuestionnaireAction = formAction(
  target,
  async ({ year, uai }, caller, _form, now, actor) => {
    const done = await submitQuestionnaire(caller, year, uai, now, actor);
    return done.ok ? { ok: true as const, value: null } : done;
  },
  { revalidate: questionnairePath, notFound: "campaigns.errors.notFound" },
);

export const askAdviceAction = formAction(
  adviceSchema.extend(target.shape),
  (input, caller, _form, now, actor) => askAdvice(caller, input.year, input.uai, input.message, now, actor),
  { revalidate: questionnairePath, notFound: "campaigns.errors.notFound" },
);

export const allocateAction = formAction(
  allocationSchema.extend(target.shape),
  async ({ year, uai, lines }, caller, _form, now, actor) => {
    const done = await allocateRequest(caller, year, uai, { lines }, now, actor);
    return done.ok ? { ok: true as const, value: null } : done;
  },
  {
    revalidate: questionnairePath,
    notFound: "campaigns.errors.notFound",
    read: (_form, values) => ({
      year: one(values, "year"),
      uai: one(values, "uai"),
      lines: list(values, "lineId").map((id, index) => ({
        id,
        granted: list(values, "granted")[index] ?? "",
        reason: list(values, "reason")[index] ?? "",
      })),
    }),
  },
);

/** Reads the catalogue's textarea: one "code;label;class;model;unit cost" a line. */
function catalogueLines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = "", label = "", ciClass = "", model = "", cost = ""] = line.split(";").map((cell) => cell.trim());
      return { code, label, class: ciClass, model, unitCost: cost === "" ? Number.NaN : Number(cost) };
    });
}

export const createCampaignAction = formAction(
  createCampaignSchema,
  (input, caller, _form, _now, actor) => createCampaign(caller, input, actor),
  {
    revalidate: () => ["/campagnes"],
    redirectTo: (campaign) => `/campagnes/${campaign.year}`,
    read: (_form, values) => ({
      year: one(values, "year"),
      phases: Object.fromEntries(
        CAMPAIGN_PHASES.map((phase) => [phase, { from: one(values, `${phase}From`), to: one(values, `${phase}To`) }]),
      ),
      catalogue: catalogueLines(one(values, "catalogue")),
      envelopes: Object.fromEntries(
        Object.entries(values)
          .filter(([name, value]) => name.startsWith("envelope:") && value !== "")
          .map(([name, value]) => [name.slice("envelope:".length), Number(Array.isArray(value) ? value[0] : value)]),
      ),
      pupilsPerWorkstation: one(values, "ratio") === "" ? undefined : Number(one(values, "ratio")),
      criteria: one(values, "criteria")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    }),
  },
);
