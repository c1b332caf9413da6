import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  campaignCatalogueItems,
  campaignEnvelopes,
  campaignRequestLines,
  campaignRequests,
  campaigns,
  configurationItems as ci,
  establishments,
  tickets,
  ticketEvents,
  userEstablishments,
  users,
  zones,
} from "@/db/schema";
import { HEAD_FUNCTION, SECRETARY_GENERAL_FUNCTION } from "@/lib/domain/approvals";
import type { CampaignDates } from "@/lib/domain/campaigns";
import { renewalCandidate } from "./ci-list";
import { ciStartDate } from "./ci-lifecycle-sql";

export type CampaignRow = CampaignDates & {
  id: string;
  pupilsPerWorkstation: number;
  criteria: string[];
  createdAt: Date;
  surveyMailedAt: Date | null;
  allocationMailedAt: Date | null;
  catalogue: Array<{ code: string; label: string; class: (typeof ci.$inferSelect)["class"]; model: string; unitCost: number }>;
  envelopes: Array<{ zoneId: string; zoneCode: string; zoneName: string; euros: number }>;
};

const header = {
  id: campaigns.id,
  year: campaigns.year,
  surveyFrom: campaigns.surveyFrom,
  surveyTo: campaigns.surveyTo,
  analysisFrom: campaigns.analysisFrom,
  analysisTo: campaigns.analysisTo,
  allocationFrom: campaigns.allocationFrom,
  allocationTo: campaigns.allocationTo,
  deliveryFrom: campaigns.deliveryFrom,
  deliveryTo: campaigns.deliveryTo,
  pupilsPerWorkstation: campaigns.pupilsPerWorkstation,
  criteria: campaigns.criteria,
  createdAt: campaigns.createdAt,
  surveyMailedAt: campaigns.surveyMailedAt,
  allocationMailedAt: campaigns.allocationMailedAt,
};

type HeaderRow = { [K in keyof typeof header]: (typeof campaigns.$inferSelect)[K extends keyof typeof campaigns.$inferSelect ? K : never] };

const datesOf = (row: HeaderRow): CampaignDates => ({
  year: row.year,
  survey: { from: row.surveyFrom, to: row.surveyTo },
  analysis: { from: row.analysisFrom, to: row.analysisTo },
  allocation: { from: row.allocationFrom, to: row.allocationTo },
  delivery: { from: row.deliveryFrom, to: row.deliveryTo },
});

async function withDetails(db: Executor, rows: HeaderRow[]): Promise<CampaignRow[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const [items, envelopes] = await Promise.all([
    db
      .select({
        campaignId: campaignCatalogueItems.campaignId,
        code: campaignCatalogueItems.code,
        label: campaignCatalogueItems.label,
        class: campaignCatalogueItems.class,
        model: campaignCatalogueItems.model,
        unitCost: campaignCatalogueItems.unitCost,
      })
      .from(campaignCatalogueItems)
      .where(inArray(campaignCatalogueItems.campaignId, ids))
      .orderBy(asc(campaignCatalogueItems.code)),
    db
      .select({
        campaignId: campaignEnvelopes.campaignId,
        zoneId: zones.id,
        zoneCode: zones.code,
        zoneName: zones.name,
        euros: campaignEnvelopes.euros,
      })
      .from(campaignEnvelopes)
      .innerJoin(zones, eq(zones.id, campaignEnvelopes.zoneId))
      .where(inArray(campaignEnvelopes.campaignId, ids))
      .orderBy(asc(zones.code)),
  ]);
  return rows.map((row) => ({
    ...datesOf(row),
    id: row.id,
    pupilsPerWorkstation: row.pupilsPerWorkstation,
    criteria: row.criteria,
    createdAt: row.createdAt,
    surveyMailedAt: row.surveyMailedAt,
    allocationMailedAt: row.allocationMailedAt,
    catalogue: items.filter((item) => item.campaignId === row.id).map(({ campaignId: _id, ...item }) => item),
    envelopes: envelopes.filter((envelope) => envelope.campaignId === row.id).map(({ campaignId: _id, ...envelope }) => envelope),
  }));
}

/** Every campaign, the latest year first, with its catalogue and envelopes. */
export async function listCampaigns(db: Executor): Promise<CampaignRow[]> {
  return withDetails(db, await db.select(header).from(campaigns).orderBy(desc(campaigns.year)));
}

export async function campaignByYear(db: Executor, year: number): Promise<CampaignRow | null> {
  const [row] = await withDetails(db, await db.select(header).from(campaigns).where(eq(campaigns.year, year)));
  return row ?? null;
}

/** Every campaign's phases only (the filing rule of EQUIP-DOTATION reads them). */
export async function campaignDates(db: Executor): Promise<CampaignDates[]> {
  return (await db.select(header).from(campaigns).orderBy(asc(campaigns.year))).map(datesOf);
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof requestOf>>>;

/** A school's questionnaire for a campaign with its lines in order, or null when none was started. */
export async function requestOf(db: Executor, campaignId: string, establishmentId: string) {
  const [request] = await db
    .select({
      id: campaignRequests.id,
      status: campaignRequests.status,
      pupils: campaignRequests.pupils,
      notes: campaignRequests.notes,
      adviceTicketId: campaignRequests.adviceTicketId,
      submittedAt: campaignRequests.submittedAt,
      submittedById: campaignRequests.submittedById,
      approvedAt: campaignRequests.approvedAt,
      approvedById: campaignRequests.approvedById,
      allocatedAt: campaignRequests.allocatedAt,
      updatedAt: campaignRequests.updatedAt,
    })
    .from(campaignRequests)
    .where(and(eq(campaignRequests.campaignId, campaignId), eq(campaignRequests.establishmentId, establishmentId)));
  if (!request) return null;
  const lines = await db
    .select({
      id: campaignRequestLines.id,
      position: campaignRequestLines.position,
      room: campaignRequestLines.room,
      code: campaignRequestLines.catalogueCode,
      quantity: campaignRequestLines.quantity,
      kind: campaignRequestLines.kind,
      justification: campaignRequestLines.justification,
      priority: campaignRequestLines.priority,
      granted: campaignRequestLines.grantedQuantity,
      reason: campaignRequestLines.allocationReason,
    })
    .from(campaignRequestLines)
    .where(eq(campaignRequestLines.requestId, request.id))
    .orderBy(asc(campaignRequestLines.position));
  return { ...request, lines };
}

/** Names of the people who submitted and approved (shown on the questionnaire). */
export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The school's renewal candidates (lib/domain/ci-lifecycle.ts's rule, as db/queries/ci-list.ts filters them) counted
 * per room and class; items without a room are grouped under a null room.
 */
export function renewalCandidatesByRoom(db: Executor, establishmentId: string, today: string, renewalAgeYears: number) {
  return db
    .select({ building: ci.building, room: ci.room, class: ci.class, count: count() })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), ne(ci.class, "software"), renewalCandidate(today, renewalAgeYears)))
    .groupBy(ci.building, ci.room, ci.class)
    .orderBy(sql`${ci.building} nulls first`, sql`${ci.room} nulls last`, asc(ci.class));
}

/** The school's items in service per class, with the average age in whole years of those with a start date. */
export function inServiceByClass(db: Executor, establishmentId: string, today: string) {
  return db
    .select({
      class: ci.class,
      count: count(),
      averageAge: sql<number | null>`round(avg(extract(year from age(${today}::date, ${ciStartDate}))))::int`,
    })
    .from(ci)
    .where(and(eq(ci.establishmentId, establishmentId), ne(ci.status, "disposed"), ne(ci.class, "software")))
    .groupBy(ci.class)
    .orderBy(desc(count()));
}

/** What the school was granted in the campaigns before `year`: per campaign year and catalogue item. */
export function allocationHistory(db: Executor, establishmentId: string, year: number) {
  return db
    .select({
      year: campaigns.year,
      code: campaignRequestLines.catalogueCode,
      label: sql<string>`coalesce(${campaignCatalogueItems.label}, ${campaignRequestLines.catalogueCode})`,
      granted: sql<number>`sum(${campaignRequestLines.grantedQuantity})::int`,
    })
    .from(campaignRequestLines)
    .innerJoin(campaignRequests, eq(campaignRequests.id, campaignRequestLines.requestId))
    .innerJoin(campaigns, eq(campaigns.id, campaignRequests.campaignId))
    .leftJoin(
      campaignCatalogueItems,
      and(eq(campaignCatalogueItems.campaignId, campaigns.id), eq(campaignCatalogueItems.code, campaignRequestLines.catalogueCode)),
    )
    .where(
      and(
        eq(campaignRequests.establishmentId, establishmentId),
        lt(campaigns.year, year),
        isNotNull(campaignRequests.allocatedAt),
        sql`${campaignRequestLines.grantedQuantity} > 0`,
      ),
    )
    .groupBy(campaigns.year, campaignRequestLines.catalogueCode, campaignCatalogueItems.label)
    .orderBy(desc(campaigns.year), asc(campaignRequestLines.catalogueCode));
}

/** The cost of what the zone's other schools were granted in the campaign (granted × unit cost), in euros. */
export async function zoneGrantedCost(db: Executor, campaignId: string, zoneId: string, exceptRequestId: string): Promise<number> {
  const [row] = await db
    .select({ euros: sql<number>`coalesce(sum(${campaignRequestLines.grantedQuantity} * ${campaignCatalogueItems.unitCost}), 0)::int` })
    .from(campaignRequestLines)
    .innerJoin(campaignRequests, eq(campaignRequests.id, campaignRequestLines.requestId))
    .innerJoin(establishments, eq(establishments.id, campaignRequests.establishmentId))
    .innerJoin(
      campaignCatalogueItems,
      and(
        eq(campaignCatalogueItems.campaignId, campaignRequests.campaignId),
        eq(campaignCatalogueItems.code, campaignRequestLines.catalogueCode),
      ),
    )
    .where(and(eq(campaignRequests.campaignId, campaignId), eq(establishments.zoneId, zoneId), ne(campaignRequests.id, exceptRequestId)));
  return row?.euros ?? 0;
}

/**
 * The campaign's progress: one row per school (of a zone, or every zone), with its questionnaire's state, what it
 * asks and was granted (quantities and euros). A later column (the deliveries) joins on the school's id.
 */
export function campaignProgress(db: Executor, campaignId: string, zoneId: string | null) {
  const totals = db
    .select({
      requestId: campaignRequestLines.requestId,
      requested: sql<number>`sum(${campaignRequestLines.quantity})::int`.as("requested"),
      granted: sql<number>`sum(coalesce(${campaignRequestLines.grantedQuantity}, 0))::int`.as("granted"),
      requestedCost: sql<number>`sum(${campaignRequestLines.quantity} * coalesce(${campaignCatalogueItems.unitCost}, 0))::int`.as(
        "requested_cost",
      ),
      grantedCost:
        sql<number>`sum(coalesce(${campaignRequestLines.grantedQuantity}, 0) * coalesce(${campaignCatalogueItems.unitCost}, 0))::int`.as(
          "granted_cost",
        ),
    })
    .from(campaignRequestLines)
    .innerJoin(campaignRequests, eq(campaignRequests.id, campaignRequestLines.requestId))
    .leftJoin(
      campaignCatalogueItems,
      and(
        eq(campaignCatalogueItems.campaignId, campaignRequests.campaignId),
        eq(campaignCatalogueItems.code, campaignRequestLines.catalogueCode),
      ),
    )
    .where(eq(campaignRequests.campaignId, campaignId))
    .groupBy(campaignRequestLines.requestId)
    .as("totals");
  return db
    .select({
      establishmentId: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      zoneId: zones.id,
      zoneCode: zones.code,
      zoneName: zones.name,
      status: campaignRequests.status,
      pupils: campaignRequests.pupils,
      allocatedAt: campaignRequests.allocatedAt,
      requested: sql<number>`coalesce(${totals.requested}, 0)`,
      granted: sql<number>`coalesce(${totals.granted}, 0)`,
      requestedCost: sql<number>`coalesce(${totals.requestedCost}, 0)`,
      grantedCost: sql<number>`coalesce(${totals.grantedCost}, 0)`,
    })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .leftJoin(campaignRequests, and(eq(campaignRequests.establishmentId, establishments.id), eq(campaignRequests.campaignId, campaignId)))
    .leftJoin(totals, eq(totals.requestId, campaignRequests.id))
    .where(zoneId ? eq(establishments.zoneId, zoneId) : undefined)
    .orderBy(asc(zones.code), asc(establishments.name), asc(establishments.id));
}

/** How many workstations (PCs and laptops in service) each school holds: the theoretical need's other side. */
export function workstationCounts(db: Executor, establishmentIds: string[]) {
  if (!establishmentIds.length) return Promise.resolve([]);
  return db
    .select({ establishmentId: ci.establishmentId, count: count() })
    .from(ci)
    .where(and(inArray(ci.establishmentId, establishmentIds), inArray(ci.class, ["pc", "laptop"]), ne(ci.status, "disposed")))
    .groupBy(ci.establishmentId);
}

/** The advice ticket's reference, status and the public answers staff wrote on it (shown on the questionnaire). */
export async function adviceTicket(db: Executor, ticketId: string) {
  const [ticket] = await db.select({ reference: tickets.reference, status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) return null;
  const answers = await db
    .select({ body: ticketEvents.body, author: users.name, createdAt: ticketEvents.createdAt })
    .from(ticketEvents)
    .innerJoin(users, eq(users.id, ticketEvents.authorId))
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        eq(ticketEvents.kind, "comment"),
        eq(ticketEvents.visibility, "public"),
        isNotNull(ticketEvents.body),
        sql`${users.role} not in ('requester', 'manager')`,
      ),
    )
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  return { ...ticket, answers: answers.map((answer) => ({ ...answer, body: answer.body! })) };
}

/** The lines granted in a campaign, for procurement: school, room, item, quantity and cost. */
export function grantedLines(db: Executor, campaignId: string, zoneId: string | null) {
  return db
    .select({
      zoneCode: zones.code,
      uai: establishments.uai,
      school: establishments.name,
      city: establishments.city,
      room: campaignRequestLines.room,
      code: campaignRequestLines.catalogueCode,
      label: campaignCatalogueItems.label,
      class: campaignCatalogueItems.class,
      model: campaignCatalogueItems.model,
      granted: sql<number>`${campaignRequestLines.grantedQuantity}`,
      unitCost: campaignCatalogueItems.unitCost,
      kind: campaignRequestLines.kind,
    })
    .from(campaignRequestLines)
    .innerJoin(campaignRequests, eq(campaignRequests.id, campaignRequestLines.requestId))
    .innerJoin(establishments, eq(establishments.id, campaignRequests.establishmentId))
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .innerJoin(
      campaignCatalogueItems,
      and(
        eq(campaignCatalogueItems.campaignId, campaignRequests.campaignId),
        eq(campaignCatalogueItems.code, campaignRequestLines.catalogueCode),
      ),
    )
    .where(
      and(
        eq(campaignRequests.campaignId, campaignId),
        isNotNull(campaignRequests.allocatedAt),
        sql`${campaignRequestLines.grantedQuantity} > 0`,
        zoneId ? eq(establishments.zoneId, zoneId) : undefined,
      ),
    )
    .orderBy(asc(zones.code), asc(establishments.name), asc(campaignRequestLines.position));
}

/** A ticket's id from its reference. */
export async function ticketIdByReference(db: Executor, reference: string): Promise<string | null> {
  const [row] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, reference));
  return row?.id ?? null;
}

/** The heads and secrétaires généraux of the schools (every school when `establishmentIds` is null), enabled accounts only. */
export function schoolContacts(db: Executor, establishmentIds: string[] | null) {
  if (establishmentIds && !establishmentIds.length) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: sql<string>`coalesce(${users.notificationEmail}, ${users.email})`,
      establishmentId: establishments.id,
      uai: establishments.uai,
      school: establishments.name,
    })
    .from(userEstablishments)
    .innerJoin(users, eq(users.id, userEstablishments.userId))
    .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
    .where(
      and(
        inArray(users.functionCode, [HEAD_FUNCTION, SECRETARY_GENERAL_FUNCTION]),
        isNull(users.disabledAt),
        establishmentIds ? inArray(establishments.id, establishmentIds) : undefined,
      ),
    )
    .orderBy(asc(establishments.uai), asc(users.name), asc(users.id));
}

/** The campaign's allocated requests with their lines (the notification's e-mails). */
export async function allocatedRequests(db: Executor, campaignId: string) {
  const rows = await db
    .select({
      establishmentId: campaignRequests.establishmentId,
      code: campaignRequestLines.catalogueCode,
      room: campaignRequestLines.room,
      quantity: campaignRequestLines.quantity,
      granted: campaignRequestLines.grantedQuantity,
      reason: campaignRequestLines.allocationReason,
    })
    .from(campaignRequestLines)
    .innerJoin(campaignRequests, eq(campaignRequests.id, campaignRequestLines.requestId))
    .where(and(eq(campaignRequests.campaignId, campaignId), isNotNull(campaignRequests.allocatedAt)))
    .orderBy(asc(campaignRequests.establishmentId), asc(campaignRequestLines.position));
  const bySchool = new Map<string, Array<Omit<(typeof rows)[number], "establishmentId">>>();
  for (const { establishmentId, ...line } of rows) bySchool.set(establishmentId, [...(bySchool.get(establishmentId) ?? []), line]);
  return [...bySchool.entries()].map(([establishmentId, lines]) => ({ establishmentId, lines }));
}
