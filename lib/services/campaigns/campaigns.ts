import { database } from "@/db/client";
import { campaignByYear, campaignDates, listCampaigns as readCampaigns, type CampaignRow } from "@/db/queries/campaigns";
import { zoneIdByCode } from "@/db/queries/zones";
import { campaignCatalogueItems, campaignEnvelopes, campaigns } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { openSurvey, phaseOrderFault, type CampaignDates } from "@/lib/domain/campaigns";
import { parisDay } from "@/lib/domain/business-calendar";
import { can } from "@/lib/domain/permissions";
import type { CreateCampaignInput } from "@/lib/schemas/campaigns";
import type { FieldError } from "@/lib/schemas/field-errors";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceResult } from "../service-result";

export const CAMPAIGNS_FORBIDDEN = { kind: "forbidden", message: "campaigns.errors.forbidden" } as const;
const MANAGE_FORBIDDEN = { kind: "forbidden", message: "campaigns.errors.manageForbidden" } as const;

/** Every campaign (the latest first), for whoever follows them (everyone but vendors). */
export async function listCampaigns(caller: Caller): Promise<ServiceResult<CampaignRow[]>> {
  if (!can(caller, "campaigns.read")) return fail(CAMPAIGNS_FORBIDDEN);
  return succeed(await readCampaigns(database()));
}

/** One year's campaign; not_found when there is none. */
export async function readCampaign(caller: Caller, year: number): Promise<ServiceResult<CampaignRow>> {
  if (!can(caller, "campaigns.read")) return fail(CAMPAIGNS_FORBIDDEN);
  const campaign = await campaignByYear(database(), year);
  return campaign ? succeed(campaign) : fail({ kind: "not_found" });
}

/** The declared campaigns' phases (for the EQUIP-DOTATION filing rule). */
export function declaredCampaignDates(): Promise<CampaignDates[]> {
  return campaignDates(database());
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  ((error as { code?: string }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505");

/**
 * The Région opens a campaign for a year (service lead, admins): its phases in order, its catalogue (codes unique),
 * an envelope per known zone. 409 when the year has one; 422 for phases out of order, an unknown zone, a repeated code.
 */
export async function createCampaign(caller: Caller, input: CreateCampaignInput, actor: AuditActor): Promise<ServiceResult<CampaignRow>> {
  if (!can(caller, "campaigns.manage")) return fail(MANAGE_FORBIDDEN);
  const errors: FieldError[] = [];
  const fault = phaseOrderFault(input.phases);
  if (fault) errors.push({ field: `phases.${fault.phase}.${fault.field}`, message: `campaigns.errors.phaseOrder.${fault.field}` });
  const codes = input.catalogue.map((item) => item.code);
  codes.forEach((code, index) => {
    if (codes.indexOf(code) !== index)
      errors.push({ field: `catalogue.${index}.code`, message: "campaigns.errors.repeatedCode", values: { code } });
  });
  if (await campaignByYear(database(), input.year))
    return fail({ kind: "conflict", message: "campaigns.errors.yearTaken", values: { year: input.year } });
  const result = await refusableTransaction(
    async (tx) => {
      const zoneId = new Map<string, string>();
      for (const code of Object.keys(input.envelopes)) {
        const id = await zoneIdByCode(tx, code);
        if (id) zoneId.set(code, id);
        else errors.push({ field: `envelopes.${code}`, message: "campaigns.errors.unknownZone", values: { code } });
      }
      if (errors.length) refuse({ kind: "unprocessable", message: "campaigns.errors.checkFields", errors });
      const [campaign] = await tx
        .insert(campaigns)
        .values({
          year: input.year,
          surveyFrom: input.phases.survey.from,
          surveyTo: input.phases.survey.to,
          analysisFrom: input.phases.analysis.from,
          analysisTo: input.phases.analysis.to,
          allocationFrom: input.phases.allocation.from,
          allocationTo: input.phases.allocation.to,
          deliveryFrom: input.phases.delivery.from,
          deliveryTo: input.phases.delivery.to,
          pupilsPerWorkstation: input.pupilsPerWorkstation,
          criteria: input.criteria,
          createdById: caller.id,
        })
        .returning({ id: campaigns.id });
      await tx.insert(campaignCatalogueItems).values(input.catalogue.map((item) => ({ ...item, campaignId: campaign!.id })));
      const envelopes = Object.entries(input.envelopes);
      if (envelopes.length)
        await tx
          .insert(campaignEnvelopes)
          .values(envelopes.map(([code, euros]) => ({ campaignId: campaign!.id, zoneId: zoneId.get(code)!, euros })));
      await recordAudit(tx, actor, { action: "campaign.created", objectType: "campaign", objectId: campaign!.id, after: input });
      return (await campaignByYear(tx, input.year))!;
    },
    (error) =>
      isUniqueViolation(error) ? { kind: "conflict", message: "campaigns.errors.yearTaken", values: { year: input.year } } : null,
  );
  return result;
}

/** The campaign whose survey is open today (Paris), for the notices of the home page and the school's page; null when none is. */
export async function campaignInSurvey(caller: Caller, now: Date): Promise<CampaignRow | null> {
  if (!can(caller, "campaigns.read")) return null;
  return openSurvey(await readCampaigns(database()), parisDay(now));
}
