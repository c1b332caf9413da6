import { and, eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { approversOf } from "@/db/queries/approvals";
import {
  adviceTicket,
  allocationHistory,
  campaignByYear,
  inServiceByClass,
  renewalCandidatesByRoom,
  requestOf,
  ticketIdByReference,
  userNames,
  type CampaignRow,
} from "@/db/queries/campaigns";
import { establishmentHeading } from "@/db/queries/establishments";
import { roomModelCounts } from "@/db/queries/school-cis";
import { campaignRequestLines, campaignRequests } from "@/db/schema";
import { translateText } from "@/i18n/text";
import type { AuditActor } from "@/lib/domain/audit";
import { parisDay } from "@/lib/domain/business-calendar";
import type { Caller } from "@/lib/domain/caller";
import {
  allocationVisibleToSchool,
  campaignMoment,
  canAllocate,
  canEditRequest,
  type CampaignMoment,
  type CampaignRequestStatus,
} from "@/lib/domain/campaigns";
import { DEFAULT_RENEWAL_AGE_YEARS } from "@/lib/domain/ci-lifecycle";
import { summarizeRooms, type RoomModelCount } from "@/lib/domain/ci-rooms";
import { can, canAllocateFor, canSeeEstablishment, isSchoolStaff } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { approvalAwaitedEmail } from "@/lib/mail/campaign-templates";
import type { SaveRequestInput } from "@/lib/schemas/campaigns";
import { afterCommit } from "../after-commit";
import { writeOutbox } from "../mail/write-outbox";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";
import { createTicket } from "../tickets/create-ticket";

export type School = NonNullable<Awaited<ReturnType<typeof establishmentHeading>>>;
type Loaded = { campaign: CampaignRow; school: School; moment: CampaignMoment; today: string };

const SURVEY_CLOSED = (campaign: CampaignRow): ServiceFailure => ({
  kind: "conflict",
  message: "campaigns.errors.surveyClosed",
  values: { year: campaign.year },
});

/** The campaign and the school, or not_found; the caller must see the school (its staff, the Région's and Académie's). */
async function load(db: Executor, caller: Caller, year: number, uai: string, now: Date): Promise<ServiceResult<Loaded>> {
  if (!can(caller, "campaigns.read")) return fail({ kind: "not_found" });
  const [campaign, school] = await Promise.all([campaignByYear(db, year), establishmentHeading(db, uai)]);
  if (!campaign || !school || !canSeeEstablishment(caller, school.id)) return fail({ kind: "not_found" });
  const today = parisDay(now);
  return succeed({ campaign, school, moment: campaignMoment(campaign, today), today });
}

/** Only the school's own staff write its questionnaire: others who see the school are refused (403), the rest never see it (404). */
function staffOnly(caller: Caller, school: School): ServiceFailure | null {
  return isSchoolStaff(caller, school.id) ? null : { kind: "forbidden", message: "campaigns.errors.staffOnly" };
}

async function isHead(db: Executor, caller: Caller, school: School): Promise<boolean> {
  if (!isSchoolStaff(caller, school.id)) return false;
  const heads = await approversOf(db, "school_head", { establishmentId: school.id, zoneId: school.zoneId });
  return heads.some((head) => head.id === caller.id);
}

/** What the inventory pre-fills: renewal candidates by room, rooms mixing models, items per class, past allocations. */
async function inventoryFacts(db: Executor, school: School, year: number, today: string) {
  const [renewal, rooms, classes, history] = await Promise.all([
    renewalCandidatesByRoom(db, school.id, today, DEFAULT_RENEWAL_AGE_YEARS),
    roomModelCounts(db, school.id),
    inServiceByClass(db, school.id, today),
    allocationHistory(db, school.id, year),
  ]);
  return {
    renewalCandidates: renewal.map((row) => ({ building: row.building, room: row.room, class: row.class, count: row.count })),
    mixedRooms: summarizeRooms(rooms as RoomModelCount[])
      .filter((room) => !room.homogeneous)
      .map((room) => ({ building: room.building, room: room.room, classes: room.mixedClasses, models: room.models })),
    counts: classes.map((row) => ({ class: row.class, count: row.count, averageAge: row.averageAge })),
    history,
  };
}

export type Questionnaire = Awaited<ReturnType<typeof questionnaireView>>;

async function questionnaireView(db: Executor, caller: Caller, loaded: Loaded) {
  const { campaign, school, moment, today } = loaded;
  const [request, inventory, head] = await Promise.all([
    requestOf(db, campaign.id, school.id),
    inventoryFacts(db, school, campaign.year, today),
    isHead(db, caller, school),
  ]);
  const staff = isSchoolStaff(caller, school.id);
  const analyst = canAllocateFor(caller, school);
  const status: CampaignRequestStatus | "not_started" = request?.status ?? "not_started";
  // The school learns its allocation at the notification; the analysts see it as they decide.
  const showAllocation = analyst || allocationVisibleToSchool(moment);
  const names = await userNames(
    db,
    [request?.submittedById, request?.approvedById].filter((id): id is string => !!id),
  );
  return {
    campaign,
    school,
    moment,
    status,
    pupils: request?.pupils ?? null,
    updatedAt: request?.updatedAt ?? null,
    notes: request?.notes ?? null,
    submittedAt: request?.submittedAt ?? null,
    submittedBy: request?.submittedById ? (names.get(request.submittedById) ?? null) : null,
    approvedAt: request?.approvedAt ?? null,
    approvedBy: request?.approvedById ? (names.get(request.approvedById) ?? null) : null,
    allocatedAt: showAllocation ? (request?.allocatedAt ?? null) : null,
    lines: (request?.lines ?? []).map((line) => ({
      ...line,
      granted: showAllocation && request?.allocatedAt ? line.granted : null,
      reason: showAllocation && request?.allocatedAt ? line.reason : null,
    })),
    advice: request?.adviceTicketId ? await adviceTicket(db, request.adviceTicketId) : null,
    inventory,
    can: {
      edit: staff && canEditRequest(moment, request?.status ?? "draft"),
      submit: staff && moment === "survey" && (status === "draft" || status === "not_started" || (status === "submitted" && head)),
      approve: head && status === "submitted" && moment === "survey",
      askAdvice: staff && moment === "survey" && !request?.adviceTicketId,
      allocate: analyst && canAllocate(moment, request?.status ?? "draft"),
    },
    isHead: head,
  };
}

/** A school's questionnaire, pre-filled from its inventory; null-like not_found when the caller may not see the school. */
export async function readQuestionnaire(caller: Caller, year: number, uai: string, now: Date): Promise<ServiceResult<Questionnaire>> {
  const db = database();
  const loaded = await load(db, caller, year, uai, now);
  if (!loaded.ok) return loaded;
  return succeed(await questionnaireView(db, caller, loaded.value));
}

/** The school's request row, created as a draft when none was, locked for the action. */
async function lockedRequest(tx: Executor, campaignId: string, establishmentId: string, userId: string) {
  await tx.insert(campaignRequests).values({ campaignId, establishmentId, updatedById: userId }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: campaignRequests.id, status: campaignRequests.status, adviceTicketId: campaignRequests.adviceTicketId })
    .from(campaignRequests)
    .where(and(eq(campaignRequests.campaignId, campaignId), eq(campaignRequests.establishmentId, establishmentId)))
    .for("update");
  return row!;
}

/**
 * The school's staff replace the draft's lines (and its pupils and notes) while the survey is open: 403 for others
 * who see the school, 404 for the rest, 409 outside the survey or once submitted, 422 for a code not in the catalogue.
 */
export async function saveQuestionnaire(
  caller: Caller,
  year: number,
  uai: string,
  input: SaveRequestInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<Questionnaire>> {
  const db = database();
  const loaded = await load(db, caller, year, uai, now);
  if (!loaded.ok) return loaded;
  const { campaign, school, moment } = loaded.value;
  const refusal = staffOnly(caller, school);
  if (refusal) return fail(refusal);
  if (moment !== "survey") return fail(SURVEY_CLOSED(campaign));
  const codes = new Set(campaign.catalogue.map((item) => item.code));
  const unknown = input.lines.flatMap((line, index) =>
    codes.has(line.code) ? [] : [{ field: `lines.${index}.code`, message: "campaigns.errors.unknownCode", values: { code: line.code } }],
  );
  if (unknown.length) return fail({ kind: "unprocessable", message: "campaigns.errors.checkFields", errors: unknown });
  const saved = await refusableTransaction(async (tx) => {
    const request = await lockedRequest(tx, campaign.id, school.id, caller.id);
    if (request.status !== "draft") refuse({ kind: "conflict", message: "campaigns.errors.notDraft" });
    await tx.delete(campaignRequestLines).where(eq(campaignRequestLines.requestId, request.id));
    if (input.lines.length)
      await tx.insert(campaignRequestLines).values(
        input.lines.map((line, index) => ({
          requestId: request.id,
          position: index + 1,
          room: line.room,
          catalogueCode: line.code,
          quantity: line.quantity,
          kind: line.kind,
          justification: line.justification,
          priority: line.priority,
        })),
      );
    await tx
      .update(campaignRequests)
      .set({ pupils: input.pupils, notes: input.notes, updatedAt: now, updatedById: caller.id })
      .where(eq(campaignRequests.id, request.id));
    await recordAudit(tx, actor, {
      action: "campaign.request_saved",
      objectType: "campaign_request",
      objectId: request.id,
      after: { year, uai: school.uai, ...input },
    });
  });
  if (!saved.ok) return saved;
  return readQuestionnaire(caller, year, uai, now);
}

/**
 * Submits the questionnaire during the survey. The head (or a delegate) signs at once; another member of staff's
 * submission waits for the head, who approves it by submitting it in turn (mailed to the heads). 409 outside the
 * survey, when already approved, or when it already waits for the head and the caller is not one; 422 without lines.
 */
export async function submitQuestionnaire(
  caller: Caller,
  year: number,
  uai: string,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<Questionnaire>> {
  const db = database();
  const loaded = await load(db, caller, year, uai, now);
  if (!loaded.ok) return loaded;
  const { campaign, school, moment } = loaded.value;
  const refusal = staffOnly(caller, school);
  if (refusal) return fail(refusal);
  if (moment !== "survey") return fail(SURVEY_CLOSED(campaign));
  const done = await refusableTransaction(async (tx) => {
    const request = await lockedRequest(tx, campaign.id, school.id, caller.id);
    const lines = await requestOf(tx, campaign.id, school.id);
    if (!lines?.lines.length) refuse({ kind: "unprocessable", message: "campaigns.errors.emptyRequest" });
    if (request.status === "approved") refuse({ kind: "conflict", message: "campaigns.errors.alreadyApproved" });
    const heads = await approversOf(tx, "school_head", { establishmentId: school.id, zoneId: school.zoneId });
    const head = heads.some((person) => person.id === caller.id);
    if (request.status === "submitted" && !head) refuse({ kind: "conflict", message: "campaigns.errors.awaitingHead" });
    if (head) {
      await tx
        .update(campaignRequests)
        .set({
          status: "approved",
          approvedAt: now,
          approvedById: caller.id,
          ...(request.status === "draft" ? { submittedAt: now, submittedById: caller.id } : {}),
          updatedAt: now,
          updatedById: caller.id,
        })
        .where(eq(campaignRequests.id, request.id));
      await recordAudit(tx, actor, {
        action: "campaign.request_approved",
        objectType: "campaign_request",
        objectId: request.id,
        after: { year, uai: school.uai },
      });
      return [];
    }
    await tx
      .update(campaignRequests)
      .set({ status: "submitted", submittedAt: now, submittedById: caller.id, updatedAt: now, updatedById: caller.id })
      .where(eq(campaignRequests.id, request.id));
    await recordAudit(tx, actor, {
      action: "campaign.request_submitted",
      objectType: "campaign_request",
      objectId: request.id,
      after: { year, uai: school.uai },
    });
    return writeOutbox(
      tx,
      heads,
      (person) => ({
        idempotencyKey: `campaign:${year}:approval:${request.id}:${now.toISOString()}:${person.id}`,
        email: approvalAwaitedEmail({ appUrl: env().APP_URL, recipientName: person.name, year, school, submitterName: caller.name }),
      }),
      now,
    );
  });
  if (!done.ok) return done;
  await afterCommit({ outboxIds: done.value });
  return readQuestionnaire(caller, year, uai, now);
}

/**
 * Asks the school's referent technician for an inventory and advice: an EQUIP-DOTATION request ticket (routed as
 * any, so to the zone's team and its referent), linked to the questionnaire, whose public answers show there. Once.
 */
export async function askAdvice(
  caller: Caller,
  year: number,
  uai: string,
  message: string,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ reference: string }>> {
  const db = database();
  const loaded = await load(db, caller, year, uai, now);
  if (!loaded.ok) return loaded;
  const { campaign, school, moment } = loaded.value;
  const refusal = staffOnly(caller, school);
  if (refusal) return fail(refusal);
  if (moment !== "survey") return fail(SURVEY_CLOSED(campaign));
  const existing = await requestOf(db, campaign.id, school.id);
  if (existing?.adviceTicketId) return fail({ kind: "conflict", message: "campaigns.errors.adviceAlreadyAsked" });
  const url = `${env().APP_URL.replace(/\/+$/, "")}/campagnes/${year}/etablissements/${school.uai}`;
  const filed = await createTicket(
    caller,
    {
      type: "request",
      serviceCode: "EQUIPEMENT",
      categoryCode: "EQUIP-DOTATION",
      establishmentUai: school.uai,
      title: translateText("campaigns.advice.ticketTitle", { year }),
      description: translateText("campaigns.advice.ticketBody", { year, message, url }),
      impact: "school",
      urgency: "low",
      fields: { items: translateText("campaigns.advice.ticketItems", { year }), justification: message },
      ciIds: [],
    },
    [],
    now,
    actor,
  );
  if (!filed.ok) return filed;
  const linked = await refusableTransaction(async (tx) => {
    const request = await lockedRequest(tx, campaign.id, school.id, caller.id);
    if (request.adviceTicketId) refuse({ kind: "conflict", message: "campaigns.errors.adviceAlreadyAsked" });
    const ticketId = await ticketIdByReference(tx, filed.value.reference);
    await tx.update(campaignRequests).set({ adviceTicketId: ticketId }).where(eq(campaignRequests.id, request.id));
    await recordAudit(tx, actor, {
      action: "campaign.advice_asked",
      objectType: "campaign_request",
      objectId: request.id,
      after: { year, uai: school.uai, ticket: filed.value.reference },
    });
  });
  if (!linked.ok) return linked;
  return succeed(filed.value);
}
