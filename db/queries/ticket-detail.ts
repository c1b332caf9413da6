import { approvalLevelsOf } from "./approvals";
import { preparedStatement } from "./prepared";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  categories,
  configurationItems,
  criticalPeriods,
  establishments,
  services,
  slaPolicies,
  teams,
  ticketCis,
  ticketEvents,
  ticketRatings,
  tickets,
  userEstablishments,
  users,
  vendors,
} from "@/db/schema";
import type { InternalSight } from "@/lib/domain/ticket-visibility";

const assignee = alias(users, "assignee");
const requester = alias(users, "requester");
const master = alias(tickets, "master");
const taker = alias(users, "taker");

/** One ticket with what its page and the API show; the journal is read separately. */
export async function ticketDetail(db: Executor, ticketId: string) {
  // Three statements on the ticket's id, side by side rather than one after the other.
  const [[row], cis, approvals] = await Promise.all([ticketRow(db, ticketId), ticketCiRows(db, ticketId), approvalLevelsOf(db, ticketId)]);
  if (!row) return null;
  return {
    ...row,
    // Left joins give objects of nulls: say "none" plainly.
    assignedTeam: row.assignedTeam?.code ? row.assignedTeam : null,
    assignee: row.assignee?.id ? row.assignee : null,
    takenBy: row.takenBy?.id ? row.takenBy : null,
    rating: row.rating?.score ? { score: row.rating.score, comment: row.rating.comment } : null,
    vendor: row.vendor?.name ? { name: row.vendor.name, reference: row.vendor.reference } : null,
    mergedInto: row.mergedInto?.reference ? { reference: row.mergedInto.reference } : null,
    criticalPeriod: row.criticalPeriod?.name ? row.criticalPeriod : null,
    cis,
    /** Its approval levels, in order; empty when its category asks for none. */
    approvals,
  };
}

/** The ticket's row with its names (12 joins: the costliest statement to plan of a ticket's page and API answers). */
const ticketRowStatement = preparedStatement((db) =>
  db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      type: tickets.type,
      status: tickets.status,
      priority: tickets.priority,
      impact: tickets.impact,
      urgency: tickets.urgency,
      title: tickets.title,
      description: tickets.description,
      fields: tickets.fields,
      flags: tickets.flags,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
      establishment: {
        id: establishments.id,
        uai: establishments.uai,
        name: establishments.name,
        zoneId: establishments.zoneId,
        onboardingState: establishments.onboardingState,
      },
      service: { code: services.code, name: services.name },
      category: { code: categories.code, name: categories.name, fields: categories.fields },
      assignedTeamId: tickets.assignedTeamId,
      assignedTeam: { code: teams.code, name: teams.name, party: teams.party },
      assignee: { id: assignee.id, name: assignee.name },
      requester: {
        id: requester.id,
        name: requester.name,
        // School staff no longer attached to the ticket's school (removed by its head): the ticket stays with the school.
        leftSchool: sql<boolean>`(${requester.role} in ('requester', 'manager') and not exists (select 1 from ${userEstablishments}
          where ${userEstablishments.userId} = ${requester.id} and ${userEstablishments.establishmentId} = ${tickets.establishmentId}))`,
      },
      rating: { score: ticketRatings.score, comment: ticketRatings.comment },
      channel: tickets.channel,
      /** Who took the phone call (or filed it for the contact through the API). */
      takenBy: { id: taker.id, name: taker.name },
      vendor: { name: vendors.name, reference: tickets.vendorReference },
      mergedInto: { reference: master.reference },
      criticalPeriod: {
        name: criticalPeriods.name,
        startsOn: criticalPeriods.startsOn,
        endsOn: criticalPeriods.endsOn,
        priorityFloor: criticalPeriods.priorityFloor,
      },
      slaPolicyCode: slaPolicies.code,
      ownBy: tickets.ownBy,
      resolveBy: tickets.resolveBy,
      slaState: tickets.slaState,
      slaPausedMinutes: tickets.slaPausedMinutes,
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .innerJoin(services, eq(services.id, tickets.serviceId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(taker, eq(taker.id, tickets.takenById))
    .leftJoin(ticketRatings, eq(ticketRatings.ticketId, tickets.id))
    .leftJoin(vendors, eq(vendors.id, tickets.vendorId))
    .leftJoin(master, eq(master.id, tickets.mergedIntoId))
    .leftJoin(slaPolicies, eq(slaPolicies.id, tickets.slaPolicyId))
    .leftJoin(criticalPeriods, eq(criticalPeriods.id, tickets.criticalPeriodId))
    .where(eq(tickets.id, sql.placeholder("ticketId")))
    .prepare("ticket_detail_row"),
);
const ticketRow = (db: Executor, ticketId: string) => ticketRowStatement(db).execute({ ticketId });

const ticketCiRowsStatement = preparedStatement((db) =>
  db
    .select({
      id: configurationItems.id,
      name: configurationItems.name,
      class: configurationItems.class,
      room: configurationItems.room,
      serialNumber: configurationItems.serialNumber,
    })
    .from(ticketCis)
    .innerJoin(configurationItems, eq(configurationItems.id, ticketCis.ciId))
    .where(eq(ticketCis.ticketId, sql.placeholder("ticketId")))
    .orderBy(asc(configurationItems.name))
    .prepare("ticket_detail_cis"),
);
const ticketCiRows = (db: Executor, ticketId: string) => ticketCiRowsStatement(db).execute({ ticketId });

export type TicketDetail = NonNullable<Awaited<ReturnType<typeof ticketDetail>>>;

/** The public journal and, of the internal one, what the caller's sight allows (filtered here, never later). */
function journalSight(sight: InternalSight) {
  const isPublic = eq(ticketEvents.visibility, "public");
  if (sight.kind === "all") return undefined;
  if (sight.kind === "none" || !sight.eventIds.length) return isPublic;
  return or(isPublic, inArray(ticketEvents.id, sight.eventIds));
}

/** The journal in order, with author names: the events the caller's sight allows. */
export async function ticketJournal(db: Executor, ticketId: string, sight: InternalSight) {
  return db
    .select({
      id: ticketEvents.id,
      kind: ticketEvents.kind,
      visibility: ticketEvents.visibility,
      body: ticketEvents.body,
      data: ticketEvents.data,
      createdAt: ticketEvents.createdAt,
      author: { id: users.id, name: users.name, role: users.role },
    })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.authorId))
    .where(and(eq(ticketEvents.ticketId, ticketId), journalSight(sight)))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
}
