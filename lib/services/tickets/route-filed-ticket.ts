import type { Executor } from "@/db/client";
import { ciRoomsAmong } from "@/db/queries/ticket-sla";
import { route, type RoutingDecision } from "@/lib/domain/routing";
import type { Priority, SupportMode, TicketType } from "@/lib/domain/vocabulary";
import { recordTicketNotifications } from "../mail/notifications";
import { applyRouting, decideRouting, planRouting, recordRouting, routingFacts, type RoutingPlan } from "../routing/route-ticket";
import { refreshSla, slaChange, type SlaColumns, type SlaSchedule } from "../sla/refresh-sla";
import { slaFactsOf } from "../sla/sla-facts";
import { referenceTeamSlaSettings } from "../sla/team-calendar";
import { referenceData } from "../routing/reference-cache";

export type FiledTicket = {
  id: string;
  type: TicketType;
  categoryId: string;
  establishmentId: string;
  ciIds: string[];
  priority: Priority;
  /** Its "created" journal entry: the requester's confirmation and the queue's news hang on it. */
  createdEventId: number;
};

/** The e-mails of a routed filing: the requester's confirmation, and the watching teams' when the rule adds some. */
async function tellFiled(
  tx: Executor,
  ticket: { id: string; createdEventId: number },
  routed: { eventId: number; watched: boolean },
  now: Date,
): Promise<string[]> {
  return recordTicketNotifications(
    tx,
    [
      { kind: "created", ticketId: ticket.id, eventId: ticket.createdEventId },
      // Watching teams (the Académie's RSSI on a security incident) are told at once.
      ...(routed.watched ? [{ kind: "watched" as const, ticketId: ticket.id, eventId: routed.eventId }] : []),
    ],
    now,
  );
}

/**
 * Hands a filed ticket to the technicians, inside the caller's transaction: routing (team, watchers, referent),
 * its SLA clocks from `now`, the requester's confirmation and the watching teams' e-mail. At the final approval
 * of a ticket that waited for one (lib/services/approvals/on-ticket-approved.ts); a filing plans the same before
 * it writes its ticket (`planFiling`).
 */
export async function routeFiledTicket(
  tx: Executor,
  ticket: FiledTicket,
  now: Date,
): Promise<{ outboxIds: string[]; slaSchedules: (SlaSchedule | null)[] }> {
  const facts = await routingFacts(tx, {
    type: ticket.type,
    categoryId: ticket.categoryId,
    establishmentId: ticket.establishmentId,
    ciIds: ticket.ciIds,
    priority: ticket.priority,
  });
  const decision = await decideRouting(tx, facts);
  const routed = await applyRouting(tx, ticket.id, decision, null, now);
  const sla = await refreshSla(tx, ticket.id, now);
  const outboxIds = await tellFiled(tx, ticket, { eventId: routed.eventId, watched: decision.watcherTeamCodes.length > 0 }, now);
  return { outboxIds, slaSchedules: [sla] };
}

/** What a routed filing writes, worked out before its transaction: the routing and the SLA the ticket's row starts with. */
export type FilingPlan = { decision: RoutingDecision; routing: RoutingPlan; sla: { set: SlaColumns; schedule: SlaSchedule } };

/**
 * Routing and SLA of a ticket about to be filed (status `new`, nothing in its journal yet), from the same reads and
 * rules as `routeFiledTicket`, without writing: the filing then writes its row once, with them, and holds the
 * reference counter's lock only for its writes. The rules, teams and closures come from the process's cache
 * (`referenceData`: one version read).
 */
export async function planFiling(
  db: Executor,
  ticket: Omit<FiledTicket, "createdEventId"> & {
    requesterId: string;
    hardware: boolean;
    supportMode: SupportMode;
    /** What the router reads of its category, which the filing has read already. */
    category: { code: string; schoolTask: string | null; serviceCode: string };
  },
  now: Date,
): Promise<FilingPlan> {
  const [facts, reference] = await Promise.all([
    routingFacts(
      db,
      {
        type: ticket.type,
        categoryId: ticket.categoryId,
        establishmentId: ticket.establishmentId,
        ciIds: ticket.ciIds,
        priority: ticket.priority,
      },
      ticket.category,
    ),
    referenceData(),
  ]);
  const decision = route(reference.rules, facts);
  const routing = await planRouting(db, ticket.establishmentId, decision, now, reference.teams);
  const loaded = await slaFactsOf(
    db,
    {
      id: ticket.id,
      establishmentId: ticket.establishmentId,
      createdAt: now,
      status: "new",
      priority: routing.set.priority,
      type: ticket.type,
      assignedTeamId: routing.set.assignedTeamId,
      assigneeId: routing.set.assigneeId,
      requesterId: ticket.requesterId,
      vendorId: null,
      takenAt: null,
      firstPublicReplyAt: null,
      ownBy: null,
      resolveBy: null,
      slaVersion: 0,
      slaAlarms: [],
      escalationLevel: 0,
      hardware: ticket.hardware,
      supportMode: ticket.supportMode,
      targets: routing.policy?.targets ?? null,
      policyCode: routing.policy?.code ?? null,
      vendorCommitment: null,
      vendorName: null,
    },
    { firstPublicReplyAt: null, statusEvents: [], ciRooms: () => ciRoomsAmong(db, ticket.ciIds) },
    now,
    referenceTeamSlaSettings(reference, routing.set.assignedTeamId, now),
  );
  return { decision, routing, sla: slaChange(loaded, new Set(), now) };
}

/** Inside the filing's transaction, once its row (written with `plan`) and its "created" entry are: the watchers, the routing's journal entry, the e-mails. */
export async function recordFiledRouting(
  tx: Executor,
  ticket: { id: string; createdEventId: number },
  plan: FilingPlan,
  now: Date,
): Promise<{ outboxIds: string[]; slaSchedules: SlaSchedule[] }> {
  const eventId = await recordRouting(tx, ticket.id, plan.routing, null, now);
  const outboxIds = await tellFiled(tx, ticket, { eventId, watched: plan.decision.watcherTeamCodes.length > 0 }, now);
  return { outboxIds, slaSchedules: [plan.sla.schedule] };
}
