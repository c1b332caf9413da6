import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcementEstablishments, announcements, establishments, tickets, userEstablishments, users, zones } from "@/db/schema";
import type { SchoolPlace } from "@/lib/domain/announcements";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";

const columns = {
  id: announcements.id,
  title: announcements.title,
  body: announcements.body,
  kind: announcements.kind,
  startsAt: announcements.startsAt,
  endsAt: announcements.endsAt,
  zones: announcements.zones,
  establishments: announcements.establishments,
  services: announcements.services,
  majorTicketId: announcements.majorTicketId,
  majorTicket: tickets.reference,
  createdAt: announcements.createdAt,
};

/** A list bound as one text[] parameter (node-postgres writes the array literal). */
const textArray = (values: readonly string[]): SQL => sql`${sql.param([...values])}::text[]`;

/** The same rule as concernsSchool (lib/domain/announcements.ts), in SQL: any of the places is in the scope. */
function concernsAnyOf(places: readonly SchoolPlace[]): SQL {
  const everyone = sql`cardinality(${announcements.zones}) = 0 AND cardinality(${announcements.establishments}) = 0`;
  if (!places.length) return sql`false`;
  const zoneCodes = places.map((place) => place.zoneCode);
  const uais = places.map((place) => place.uai);
  return sql`(${everyone} OR ${announcements.zones} && ${textArray(zoneCodes)} OR ${announcements.establishments} && ${textArray(uais)})`;
}

export type AnnouncementFilter = {
  /** The schools of a school's staff: only what concerns one of them; null for the Région's and Académie's staff (all). */
  places: readonly SchoolPlace[] | null;
  /** "active": on now; "open": on now or to come; "all": every one, ended too. */
  when: "active" | "open" | "all";
  now: Date;
  /** Only those concerning this service (or every service). */
  serviceCode?: string;
};

/** Announcements as the filter says, the soonest to start first for what is on or to come, the latest first otherwise. */
export async function listAnnouncements(db: Executor, filter: AnnouncementFilter) {
  const conditions: SQL[] = [];
  if (filter.places) conditions.push(concernsAnyOf(filter.places));
  if (filter.when !== "all") conditions.push(gt(announcements.endsAt, filter.now));
  if (filter.when === "active") conditions.push(lte(announcements.startsAt, filter.now));
  if (filter.serviceCode)
    conditions.push(sql`(cardinality(${announcements.services}) = 0 OR ${filter.serviceCode} = ANY(${announcements.services}))`);
  return db
    .select(columns)
    .from(announcements)
    .leftJoin(tickets, eq(tickets.id, announcements.majorTicketId))
    .where(and(...conditions))
    .orderBy(
      filter.when === "all" ? desc(announcements.startsAt) : asc(announcements.startsAt),
      filter.when === "all" ? desc(announcements.createdAt) : asc(announcements.createdAt),
    )
    .limit(200);
}
export type AnnouncementRow = Awaited<ReturnType<typeof listAnnouncements>>[number];

export async function announcementById(db: Executor, id: string): Promise<AnnouncementRow | null> {
  const [row] = await db
    .select(columns)
    .from(announcements)
    .leftJoin(tickets, eq(tickets.id, announcements.majorTicketId))
    .where(eq(announcements.id, id));
  return row ?? null;
}

/** Where the given schools stand: UAI and zone code, as the scope names them. */
export async function schoolPlaces(db: Executor, establishmentIds: readonly string[]) {
  if (!establishmentIds.length) return [];
  return db
    .select({ id: establishments.id, uai: establishments.uai, zoneCode: zones.code, name: establishments.name })
    .from(establishments)
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(inArray(establishments.id, [...establishmentIds]))
    .orderBy(asc(establishments.name));
}

/** The active school staff (heads, CSLs…) of the schools an announcement concerns: whom publishing and ending mail. */
export async function concernedContacts(db: Executor, scope: { zones: string[]; establishments: string[] }) {
  const everyone = scope.zones.length === 0 && scope.establishments.length === 0;
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(userEstablishments, eq(userEstablishments.userId, users.id))
    .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
    .innerJoin(zones, eq(zones.id, establishments.zoneId))
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.role, ["requester", "manager"]),
        everyone
          ? undefined
          : sql`(${zones.code} = ANY(${textArray(scope.zones)}) OR ${establishments.uai} = ANY(${textArray(scope.establishments)}))`,
      ),
    )
    .orderBy(asc(users.id));
}

/** Who said their school is concerned: they follow the incident and hear of its end. */
export async function announcementReporters(db: Executor, announcementId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(announcementEstablishments)
    .innerJoin(users, eq(users.id, announcementEstablishments.reportedById))
    .where(and(eq(announcementEstablishments.announcementId, announcementId), isNull(users.disabledAt)))
    .orderBy(asc(users.id));
}

/** Which of the given announcements each of the given schools said it is concerned by. */
export async function reportedSchools(db: Executor, announcementIds: readonly string[], establishmentIds: readonly string[]) {
  if (!announcementIds.length || !establishmentIds.length) return [];
  return db
    .select({ announcementId: announcementEstablishments.announcementId, establishmentId: announcementEstablishments.establishmentId })
    .from(announcementEstablishments)
    .where(
      and(
        inArray(announcementEstablishments.announcementId, [...announcementIds]),
        inArray(announcementEstablishments.establishmentId, [...establishmentIds]),
      ),
    );
}

/** Announcements over whose end nobody was mailed yet. */
export async function endedUnmailedAnnouncementIds(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(isNull(announcements.endMailedAt), lte(announcements.endsAt, now)))
    .orderBy(asc(announcements.endsAt))
    .limit(100);
  return rows.map((row) => row.id);
}

/** The major incidents one can group tickets under: the open tickets behind announcements not ended. */
export async function openMajorIncidents(db: Executor, now: Date) {
  return db
    .selectDistinct({ reference: tickets.reference, title: announcements.title })
    .from(announcements)
    .innerJoin(tickets, eq(tickets.id, announcements.majorTicketId))
    .where(and(isNotNull(announcements.majorTicketId), gt(announcements.endsAt, now), inArray(tickets.status, [...OPEN_STATUSES])))
    .orderBy(asc(tickets.reference));
}

/** Whether a ticket backs an announcement (is a major incident). */
export async function announcementsBackedBy(db: Executor, ticketId: string) {
  return db
    .select({ id: announcements.id, startsAt: announcements.startsAt, endsAt: announcements.endsAt })
    .from(announcements)
    .where(eq(announcements.majorTicketId, ticketId))
    .orderBy(asc(announcements.id));
}

/** The open tickets grouped under a major incident, in id order (the order they are locked in). */
export async function groupedOpenTickets(db: Executor, majorTicketId: string) {
  return db
    .select({ id: tickets.id, reference: tickets.reference })
    .from(tickets)
    .where(and(eq(tickets.majorIncidentId, majorTicketId), inArray(tickets.status, [...OPEN_STATUSES])))
    .orderBy(asc(tickets.id));
}

/** How many tickets a major incident groups, and the major incident a ticket is grouped under: for the desk's ticket page. */
export async function majorIncidentFacts(db: Executor, ticketId: string) {
  const [grouped] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(eq(tickets.majorIncidentId, ticketId));
  const [own] = await db
    .select({ reference: sql<string | null>`(select reference from tickets m where m.id = ${tickets.majorIncidentId})` })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return { groupedCount: grouped?.count ?? 0, groupedInto: own?.reference ?? null };
}
