import { and, eq } from "drizzle-orm";
import { database } from "@/db/client";
import { campaignByYear, campaignProgress, grantedLines, requestOf, workstationCounts, zoneGrantedCost } from "@/db/queries/campaigns";
import { deliveryProgress } from "@/db/queries/deliveries";
import { establishmentHeading } from "@/db/queries/establishments";
import { campaignEnvelopes, campaignRequestLines, campaignRequests } from "@/db/schema";
import type { Translate } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import { campaignMoment, cutsWithoutReason, progressOf, theoreticalNeed, withinEnvelope, CAMPAIGN_PROGRESS } from "@/lib/domain/campaigns";
import { DELIVERY_STATES, deliveryStage, type DeliveryState } from "@/lib/domain/deliveries";
import { can, canAllocateFor, canSeeEstablishment } from "@/lib/domain/permissions";
import type { AllocationInput } from "@/lib/schemas/campaigns";
import type { FieldError } from "@/lib/schemas/field-errors";
import { recordAudit } from "../audit/record-audit";
import { writeCsv } from "../csv/csv";
import { refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceResult } from "../service-result";
import { readQuestionnaire, type Questionnaire } from "./questionnaire";

const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/**
 * Decides a school's allocation, line by line (the zone's sector lead, the service lead, admins), during the analysis
 * and on an approved request: every line once, never more than asked, a reason for each cut, and the zone's granted
 * total (this school's new lines included) within its envelope, else 422. The envelope row is locked, so two leads
 * allocating in one zone at once cannot both pass the check.
 */
export async function allocateRequest(
  caller: Caller,
  year: number,
  uai: string,
  input: AllocationInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<Questionnaire>> {
  const db = database();
  const [campaign, school] = await Promise.all([campaignByYear(db, year), establishmentHeading(db, uai)]);
  if (!campaign || !school || !canSeeEstablishment(caller, school.id)) return fail({ kind: "not_found" });
  if (!canAllocateFor(caller, school)) return fail({ kind: "forbidden", message: "campaigns.errors.allocateForbidden" });
  if (campaignMoment(campaign, parisDay(now)) !== "analysis")
    return fail({ kind: "conflict", message: "campaigns.errors.notAnalysis", values: { year } });
  const costOf = new Map(campaign.catalogue.map((item) => [item.code, item.unitCost]));
  const done = await refusableTransaction(async (tx) => {
    const [locked] = await tx
      .select({ id: campaignRequests.id, status: campaignRequests.status })
      .from(campaignRequests)
      .where(and(eq(campaignRequests.campaignId, campaign.id), eq(campaignRequests.establishmentId, school.id)))
      .for("update");
    if (!locked || locked.status !== "approved") refuse({ kind: "conflict", message: "campaigns.errors.notApproved" });
    const request = (await requestOf(tx, campaign.id, school.id))!;
    const byId = new Map(input.lines.map((line) => [line.id, line]));
    const errors: FieldError[] = [];
    if (byId.size !== input.lines.length || request.lines.some((line) => !byId.has(line.id)) || input.lines.length !== request.lines.length)
      errors.push({ field: "lines", message: "campaigns.errors.everyLineOnce" });
    const decided = request.lines.map((line) => ({ line, decision: byId.get(line.id) }));
    decided.forEach(({ line, decision }, index) => {
      if (decision && decision.granted > line.quantity)
        errors.push({
          field: `lines.${index}.granted`,
          message: "campaigns.errors.grantedOverRequested",
          values: { quantity: line.quantity },
        });
    });
    const cuts = cutsWithoutReason(
      decided.map(({ line, decision }) => ({
        requested: line.quantity,
        granted: decision?.granted ?? 0,
        reason: decision?.reason ?? null,
      })),
    );
    for (const index of cuts) errors.push({ field: `lines.${index}.reason`, message: "campaigns.errors.reasonRequired" });
    if (errors.length) refuse({ kind: "unprocessable", message: "campaigns.errors.checkAllocation", errors });
    const [envelope] = await tx
      .select({ euros: campaignEnvelopes.euros })
      .from(campaignEnvelopes)
      .where(and(eq(campaignEnvelopes.campaignId, campaign.id), eq(campaignEnvelopes.zoneId, school.zoneId)))
      .for("update");
    const others = await zoneGrantedCost(tx, campaign.id, school.zoneId, request.id);
    const mine = decided.reduce((sum, { line, decision }) => sum + (decision?.granted ?? 0) * (costOf.get(line.code) ?? 0), 0);
    if (!envelope) refuse({ kind: "unprocessable", message: "campaigns.errors.noEnvelope", values: { zone: school.zone } });
    if (!withinEnvelope({ envelope: envelope.euros, otherSchoolsCost: others, thisSchoolCost: mine }))
      refuse({
        kind: "unprocessable",
        message: "campaigns.errors.overEnvelope",
        values: {
          zone: school.zone,
          envelope: euros.format(envelope.euros),
          total: euros.format(others + mine),
          over: euros.format(others + mine - envelope.euros),
        },
      });
    for (const { line, decision } of decided) {
      await tx
        .update(campaignRequestLines)
        .set({
          grantedQuantity: decision!.granted,
          allocationReason: decision!.granted < line.quantity ? decision!.reason : (decision!.reason ?? null),
        })
        .where(eq(campaignRequestLines.id, line.id));
    }
    await tx
      .update(campaignRequests)
      .set({ allocatedAt: now, allocatedById: caller.id, updatedAt: now, updatedById: caller.id })
      .where(eq(campaignRequests.id, request.id));
    await recordAudit(tx, actor, {
      action: "campaign.allocated",
      objectType: "campaign_request",
      objectId: request.id,
      before: request.lines.map((line) => ({ id: line.id, granted: line.granted, reason: line.reason })),
      after: { year, uai: school.uai, lines: input.lines, euros: mine },
    });
  });
  if (!done.ok) return done;
  return readQuestionnaire(caller, year, uai, now);
}

/** How many schools stand at each delivery stage. */
const stageCounts = (schools: { delivery: DeliveryState | null }[]) =>
  Object.fromEntries(DELIVERY_STATES.map((stage) => [stage, schools.filter((school) => school.delivery === stage).length])) as Record<
    DeliveryState,
    number
  >;

/** The zone the caller analyses: a sector lead's own; the service lead and admins every zone (or the one asked). */
function analysedZone(caller: Caller): { kind: "all" } | { kind: "zone"; zoneId: string } | null {
  if (!can(caller, "campaigns.analyse")) return null;
  if (caller.role !== "sector_lead") return { kind: "all" };
  return caller.zoneId ? { kind: "zone", zoneId: caller.zoneId } : null;
}

export type CampaignAnalysis = NonNullable<Awaited<ReturnType<typeof readAnalysis>>>;

async function readAnalysis(caller: Caller, year: number, now: Date) {
  const scope = analysedZone(caller);
  if (!scope) return null;
  const db = database();
  const campaign = await campaignByYear(db, year);
  if (!campaign) return null;
  const rows = await campaignProgress(db, campaign.id, scope.kind === "zone" ? scope.zoneId : null);
  const workstations = new Map(
    (
      await workstationCounts(
        db,
        rows.map((row) => row.establishmentId),
      )
    ).map((row) => [row.establishmentId, row.count]),
  );
  const today = parisDay(now);
  const deliveries = new Map((await deliveryProgress(db, year)).map((row) => [row.establishmentId, row]));
  const schools = rows.map((row) => {
    const delivered = deliveries.get(row.establishmentId);
    const need = theoreticalNeed(row.pupils, campaign.pupilsPerWorkstation);
    const held = workstations.get(row.establishmentId) ?? 0;
    return {
      ...row,
      progress: progressOf(row.status ? { status: row.status, allocatedAt: row.allocatedAt } : null),
      workstations: held,
      theoreticalNeed: need,
      gap: need === null ? null : need - held,
      delivery: delivered ? deliveryStage(delivered.states, delivered.firstPendingOn, today) : null,
    };
  });
  const zoneIds = [...new Set(schools.map((school) => school.zoneId))];
  const zones = zoneIds.map((zoneId) => {
    const inZone = schools.filter((school) => school.zoneId === zoneId);
    const envelope = campaign.envelopes.find((entry) => entry.zoneId === zoneId)?.euros ?? null;
    return {
      zoneId,
      zoneCode: inZone[0]!.zoneCode,
      zoneName: inZone[0]!.zoneName,
      envelope,
      requestedCost: inZone.reduce((sum, school) => sum + school.requestedCost, 0),
      grantedCost: inZone.reduce((sum, school) => sum + school.grantedCost, 0),
      progress: Object.fromEntries(CAMPAIGN_PROGRESS.map((state) => [state, inZone.filter((school) => school.progress === state).length])),
      deliveries: stageCounts(inZone),
    };
  });
  const total = {
    envelope: zones.reduce((sum, zone) => sum + (zone.envelope ?? 0), 0),
    requestedCost: zones.reduce((sum, zone) => sum + zone.requestedCost, 0),
    grantedCost: zones.reduce((sum, zone) => sum + zone.grantedCost, 0),
    progress: Object.fromEntries(CAMPAIGN_PROGRESS.map((state) => [state, schools.filter((school) => school.progress === state).length])),
    deliveries: stageCounts(schools),
  };
  return { campaign, moment: campaignMoment(campaign, today), scope, schools, zones, total };
}

/** The analysis: each school's progress and criteria, the zones' totals against their envelopes; null when not an analyst. */
export async function campaignAnalysis(caller: Caller, year: number, now: Date): Promise<CampaignAnalysis | null> {
  return readAnalysis(caller, year, now);
}

/** The granted lines as CSV for procurement (the caller's zone, or every zone), formula-safe (writeCsv) and audited. */
export async function allocationCsv(
  caller: Caller,
  year: number,
  t: Translate,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ fileName: string; text: string }>> {
  const scope = analysedZone(caller);
  if (!scope) return fail({ kind: "forbidden", message: "campaigns.errors.analyseForbidden" });
  const db = database();
  const campaign = await campaignByYear(db, year);
  if (!campaign) return fail({ kind: "not_found" });
  const lines = await grantedLines(db, campaign.id, scope.kind === "zone" ? scope.zoneId : null);
  const header = ["zone", "uai", "school", "city", "room", "code", "label", "class", "model", "kind", "quantity", "unitCost", "total"].map(
    (column) => t(`campaigns.csv.${column}`),
  );
  const rows = lines.map((line) => [
    line.zoneCode,
    line.uai,
    line.school,
    line.city,
    line.room ?? "",
    line.code,
    line.label,
    line.class,
    line.model,
    t(`campaigns.kinds.${line.kind}`),
    line.granted,
    line.unitCost,
    line.granted * line.unitCost,
  ]);
  const fileName = `dotation-${year}-${scope.kind === "zone" ? "zone" : "region"}-${parisDay(now)}.csv`;
  await recordAudit(db, actor, {
    action: "export.downloaded",
    objectType: "export",
    objectId: fileName,
    after: { filters: { campaign: year, zone: scope.kind === "zone" ? scope.zoneId : null }, rows: rows.length },
  });
  return succeed({ fileName, text: writeCsv([header, ...rows]) });
}
