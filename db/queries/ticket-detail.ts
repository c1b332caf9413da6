import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  categories,
  type configurationItems,
  criticalPeriods,
  establishments,
  services,
  slaPolicies,
  teams,
  ticketEvents,
  ticketRatings,
  tickets,
  userEstablishments,
  users,
  vendors,
} from "@/db/schema";
import type { InternalSight } from "@/lib/domain/ticket-visibility";
import type { ApprovalLevelRow } from "./approvals";
import { preparedStatement } from "./prepared";
import { ticketFactColumns } from "./ticket-facts";

const assignee = alias(users, "assignee");
const requester = alias(users, "requester");
const master = alias(tickets, "master");
const taker = alias(users, "taker");

type TicketCi = Pick<typeof configurationItems.$inferSelect, "id" | "name" | "class" | "room" | "serialNumber">;
type StoredApprovalLevel = Omit<ApprovalLevelRow, "openedAt" | "remindedAt" | "decidedAt"> & {
  openedAt: string | null;
  remindedAt: string | null;
  decidedAt: string | null;
};
const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * One ticket by reference with what its page and the API show, and the facts its visibility rule needs
 * (ticket-facts.ts), or null when there is no such ticket; the journal is read separately. One statement: each
 * round trip costs the web process more than this statement's planning and execution.
 */
export async function ticketDetail(db: Executor, reference: string) {
  const [found] = await ticketDetailStatement(db).execute({ reference });
  if (!found) return null;
  const { facts, ...row } = found;
  const ticket = {
    ...row,
    // Left joins give objects of nulls: say "none" plainly.
    assignedTeam: row.assignedTeam?.code ? row.assignedTeam : null,
    assignee: row.assignee?.id ? row.assignee : null,
    takenBy: row.takenBy?.id ? row.takenBy : null,
    rating: row.rating?.score ? { score: row.rating.score, comment: row.rating.comment } : null,
    vendor: row.vendor?.name ? { name: row.vendor.name, reference: row.vendor.reference } : null,
    mergedInto: row.mergedInto?.reference ? { reference: row.mergedInto.reference } : null,
    criticalPeriod: row.criticalPeriod?.name ? row.criticalPeriod : null,
  };
  return { ticket, facts };
}

/** The ticket's row with its names (12 joins), its CIs and approval levels as JSON, and its visibility facts. */
const ticketDetailStatement = preparedStatement((db) =>
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
      // Written out in full, as ticketFactColumns' subselects. `json`, not `jsonb`: it keeps the keys in this order.
      cis: sql<TicketCi[]>`coalesce((select json_agg(json_build_object('id', "ci"."id", 'name', "ci"."name", 'class', "ci"."class",
          'room', "ci"."room", 'serialNumber', "ci"."serial_number") order by "ci"."name")
        from "ticket_cis" "tc" inner join "configuration_items" "ci" on "ci"."id" = "tc"."ci_id"
        where "tc"."ticket_id" = "tickets"."id"), '[]')`,
      /** Its approval levels, in order; empty when its category asks for none. */
      approvals: sql<StoredApprovalLevel[]>`coalesce((select json_agg(json_build_object('level', "a"."level",
          'approverKind', "a"."approver_kind", 'state', "a"."state", 'openedAt', "a"."opened_at", 'remindedAt', "a"."reminded_at",
          'decidedAt', "a"."decided_at", 'decidedById', "a"."decided_by_id", 'decidedByName', "d"."name",
          'decidedFunction', "a"."decided_function", 'reason', "a"."reason") order by "a"."level")
        from "ticket_approvals" "a" left join "users" "d" on "d"."id" = "a"."decided_by_id"
        where "a"."ticket_id" = "tickets"."id"), '[]')`.mapWith((levels: StoredApprovalLevel[]): ApprovalLevelRow[] =>
        levels.map((level) => ({
          ...level,
          openedAt: dateOrNull(level.openedAt),
          remindedAt: dateOrNull(level.remindedAt),
          decidedAt: dateOrNull(level.decidedAt),
        })),
      ),
      facts: ticketFactColumns,
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
    .where(eq(tickets.reference, sql.placeholder("reference")))
    .prepare("ticket_detail"),
);

export type TicketDetail = NonNullable<Awaited<ReturnType<typeof ticketDetail>>>["ticket"];

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
