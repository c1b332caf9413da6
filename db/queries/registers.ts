import { aliasedTable, and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  categories,
  delegations,
  establishments,
  filteringExceptions,
  roomSupportModes,
  services,
  tickets,
  userEstablishments,
  users,
} from "@/db/schema";
import type { RegisterScope } from "@/lib/domain/registers";
import { REMINDER_DAYS_BEFORE_END } from "@/lib/domain/registers";

/** What an approved ticket says for its register entry: its category, answers and school. */
export async function registerTicketFacts(db: Executor, ticketId: string) {
  const [row] = await db
    .select({
      id: tickets.id,
      establishmentId: tickets.establishmentId,
      categoryCode: categories.code,
      fields: tickets.fields,
    })
    .from(tickets)
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** The active account of the school with this address (the delegate a delegation names), or null. */
export async function schoolAccountByEmail(db: Executor, establishmentId: string, email: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userEstablishments, eq(userEstablishments.userId, users.id))
    .where(
      and(eq(users.email, email.trim().toLowerCase()), eq(userEstablishments.establishmentId, establishmentId), isNull(users.disabledAt)),
    );
  return row ?? null;
}

const NO_SCHOOL = "00000000-0000-0000-0000-000000000000";

/** The SQL of a register scope over establishments (joined). */
function scopeFilter(scope: NonNullable<RegisterScope>): SQL | undefined {
  if (scope.kind === "all") return undefined;
  if (scope.kind === "zone") return eq(establishments.zoneId, scope.zoneId);
  return inArray(establishments.id, scope.establishmentIds.length ? scope.establishmentIds : [NO_SCHOOL]);
}

export type RegisterFilter = {
  scope: NonNullable<RegisterScope>;
  /** One school only. */
  establishmentId?: string;
  /** Only the entries in force on this day. */
  inForceOn?: string;
};

const approvers = aliasedTable(users, "approvers");

/** The filtering exceptions within a scope, by school then latest end first. */
export async function filteringRegister(db: Executor, filter: RegisterFilter) {
  const day = filter.inForceOn;
  return db
    .select({
      id: filteringExceptions.id,
      school: { id: establishments.id, uai: establishments.uai, name: establishments.name },
      url: filteringExceptions.url,
      decision: filteringExceptions.decision,
      startsOn: filteringExceptions.startsOn,
      endsOn: filteringExceptions.endsOn,
      approvedAt: filteringExceptions.approvedAt,
      approvedById: filteringExceptions.approvedById,
      approvedByName: approvers.name,
      ticketReference: tickets.reference,
      // A subquery: drizzle types a second join of tickets (aliased) as never.
      removalTicketReference: sql<
        string | null
      >`(select "reference" from ${tickets} as "removal" where "removal"."id" = ${filteringExceptions.removalTicketId})`,
      reminderSentAt: filteringExceptions.reminderSentAt,
    })
    .from(filteringExceptions)
    .innerJoin(establishments, eq(establishments.id, filteringExceptions.establishmentId))
    .innerJoin(tickets, eq(tickets.id, filteringExceptions.ticketId))
    .leftJoin(approvers, eq(approvers.id, filteringExceptions.approvedById))
    .where(
      and(
        scopeFilter(filter.scope),
        filter.establishmentId ? eq(establishments.id, filter.establishmentId) : undefined,
        day ? and(lte(filteringExceptions.startsOn, day), gt(filteringExceptions.endsOn, day)) : undefined,
      ),
    )
    .orderBy(asc(establishments.name), asc(establishments.id), desc(filteringExceptions.endsOn), asc(filteringExceptions.id));
}

/** The delegations within a scope, by school then latest end first. */
export async function delegationRegister(db: Executor, filter: RegisterFilter) {
  const day = filter.inForceOn;
  return db
    .select({
      id: delegations.id,
      school: { id: establishments.id, uai: establishments.uai, name: establishments.name },
      delegateId: delegations.delegateId,
      delegateName: delegations.delegateName,
      scope: delegations.scope,
      actions: delegations.actions,
      startsOn: delegations.startsOn,
      endsOn: delegations.endsOn,
      endedAt: delegations.endedAt,
      reviewDueOn: delegations.reviewDueOn,
      needsReview: delegations.needsReview,
      approvedAt: delegations.approvedAt,
      approvedById: delegations.approvedById,
      approvedByName: approvers.name,
      ticketReference: tickets.reference,
    })
    .from(delegations)
    .innerJoin(establishments, eq(establishments.id, delegations.establishmentId))
    .innerJoin(tickets, eq(tickets.id, delegations.ticketId))
    .leftJoin(approvers, eq(approvers.id, delegations.approvedById))
    .where(
      and(
        scopeFilter(filter.scope),
        filter.establishmentId ? eq(establishments.id, filter.establishmentId) : undefined,
        day ? and(lte(delegations.startsOn, day), gt(delegations.endsOn, day), isNull(delegations.endedAt)) : undefined,
      ),
    )
    .orderBy(asc(establishments.name), asc(establishments.id), desc(delegations.endsOn), asc(delegations.id));
}

/**
 * The schools within a scope that are in `ouvert` mode or declare an `ouvert` room, with those rooms and the
 * scopes of their delegations in force on `today`: what lib/domain/registers.ts's delegationGaps reads.
 */
export async function ouvertSchools(db: Executor, scope: NonNullable<RegisterScope>, today: string, establishmentId?: string) {
  const schools = await db
    .select({ id: establishments.id, uai: establishments.uai, name: establishments.name, supportMode: establishments.supportMode })
    .from(establishments)
    .where(
      and(
        scopeFilter(scope),
        establishmentId ? eq(establishments.id, establishmentId) : undefined,
        or(
          eq(establishments.supportMode, "ouvert"),
          sql`exists (select 1 from ${roomSupportModes} where ${roomSupportModes.establishmentId} = ${establishments.id} and ${roomSupportModes.supportMode} = 'ouvert')`,
        ),
      ),
    )
    .orderBy(asc(establishments.name), asc(establishments.id));
  if (!schools.length) return [];
  const ids = schools.map((school) => school.id);
  const [rooms, inForce] = await Promise.all([
    db
      .select({ establishmentId: roomSupportModes.establishmentId, room: roomSupportModes.room, supportMode: roomSupportModes.supportMode })
      .from(roomSupportModes)
      .where(inArray(roomSupportModes.establishmentId, ids))
      .orderBy(asc(roomSupportModes.room)),
    db
      .select({ establishmentId: delegations.establishmentId, scope: delegations.scope })
      .from(delegations)
      .where(
        and(
          inArray(delegations.establishmentId, ids),
          lte(delegations.startsOn, today),
          gt(delegations.endsOn, today),
          isNull(delegations.endedAt),
        ),
      ),
  ]);
  return schools.map((school) => ({
    ...school,
    rooms: rooms.filter((room) => room.establishmentId === school.id),
    delegationsInForce: inForce.filter((delegation) => delegation.establishmentId === school.id),
  }));
}

/** Filtering exceptions in force whose last week has come and whose school was not reminded yet. */
export async function filteringRemindersDue(db: Executor, today: string) {
  return db
    .select({ id: filteringExceptions.id })
    .from(filteringExceptions)
    .where(
      and(
        isNull(filteringExceptions.reminderSentAt),
        lte(filteringExceptions.startsOn, today),
        gt(filteringExceptions.endsOn, today),
        lte(filteringExceptions.endsOn, sql`${today}::date + ${REMINDER_DAYS_BEFORE_END}::int`),
      ),
    );
}

/** Filtering exceptions past their end whose removal ticket was not filed yet. */
export async function filteringRemovalsDue(db: Executor, today: string) {
  return db
    .select({ id: filteringExceptions.id })
    .from(filteringExceptions)
    .where(and(isNull(filteringExceptions.removalTicketId), lte(filteringExceptions.endsOn, today)));
}

/** Delegations in force whose yearly review has come. */
export async function delegationAnniversariesDue(db: Executor, today: string) {
  return db
    .select({ id: delegations.id })
    .from(delegations)
    .where(and(isNull(delegations.endedAt), lte(delegations.reviewDueOn, today), gt(delegations.endsOn, today)));
}

/** A filtering exception with what its reminder and removal ticket say. */
export async function filteringExceptionFacts(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: filteringExceptions.id,
      establishmentId: filteringExceptions.establishmentId,
      zoneId: establishments.zoneId,
      uai: establishments.uai,
      schoolName: establishments.name,
      url: filteringExceptions.url,
      decision: filteringExceptions.decision,
      endsOn: filteringExceptions.endsOn,
      ticketReference: tickets.reference,
      ticketFields: tickets.fields,
      ticketTitle: tickets.title,
      ticketDescription: tickets.description,
      impact: tickets.impact,
      urgency: tickets.urgency,
      serviceId: tickets.serviceId,
      serviceCode: services.code,
      categoryId: tickets.categoryId,
      categoryCode: categories.code,
      requesterId: tickets.requesterId,
      requesterName: users.name,
      requesterEmail: users.email,
      requesterNotificationEmail: users.notificationEmail,
      requesterActive: sql<boolean>`${users.disabledAt} is null`,
    })
    .from(filteringExceptions)
    .innerJoin(establishments, eq(establishments.id, filteringExceptions.establishmentId))
    .innerJoin(tickets, eq(tickets.id, filteringExceptions.ticketId))
    .innerJoin(users, eq(users.id, tickets.requesterId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .where(eq(filteringExceptions.id, id));
  return row ?? null;
}

/** A delegation with its school, for the head's anniversary reminder. */
export async function delegationFacts(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: delegations.id,
      establishmentId: delegations.establishmentId,
      uai: establishments.uai,
      schoolName: establishments.name,
      delegateName: delegations.delegateName,
      scope: delegations.scope,
    })
    .from(delegations)
    .innerJoin(establishments, eq(establishments.id, delegations.establishmentId))
    .where(eq(delegations.id, id));
  return row ?? null;
}
