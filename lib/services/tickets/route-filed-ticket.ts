import type { SQLWrapper } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { declaredRooms } from "@/db/queries/establishments";
import type { schoolRoutingFacts } from "@/db/queries/routing-facts";
import type { SchoolReferents } from "@/lib/domain/referent-assignment";
import { ciRoomsAmong } from "@/db/queries/ticket-sla";
import { route, type RoutingDecision } from "@/lib/domain/routing";
import type { Priority, SupportMode, TicketType } from "@/lib/domain/vocabulary";
import { requesterForEmail, teamRecipients } from "@/db/queries/ticket-notifications";
import {
  freshNewsWrites,
  readNews,
  recordTicketNotifications,
  type EventFacts,
  type ReadNews,
  type TicketFacts,
} from "../mail/notifications";
import {
  applyRouting,
  decideRouting,
  planRouting,
  routingEntry,
  routingFacts,
  watchersInsert,
  type RoutingPlan,
} from "../routing/route-ticket";
import { refreshSla, slaChange, type SlaColumns, type SlaSchedule } from "../sla/refresh-sla";
import { slaFactsOf } from "../sla/sla-facts";
import { referenceTeamSlaSettings } from "../sla/team-calendar";
import type { ReferenceData } from "../routing/reference-cache";

type RoutingSchool = NonNullable<Awaited<ReturnType<typeof schoolRoutingFacts>>>;
type DeclaredRooms = Awaited<ReturnType<typeof declaredRooms>>;

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
export type FilingPlan = {
  decision: RoutingDecision;
  routing: RoutingPlan;
  /** The holding team's name, as the filing's e-mails say it. */
  teamName: string | null;
  sla: { set: SlaColumns; schedule: SlaSchedule };
};

/**
 * Routing and SLA of a ticket about to be filed (status `new`, nothing in its journal yet), from the same reads and
 * rules as `routeFiledTicket`, without writing: the filing then writes its row once, with them. The rules, teams and
 * closures come from the process's cache, as the filing read it (`referenceData`: one version read per filing).
 */
export async function planFiling(
  db: Executor,
  ticket: Omit<FiledTicket, "createdEventId"> & {
    requesterId: string;
    hardware: boolean;
    supportMode: SupportMode;
    /** What the router reads of its category and school, which the filing has read already. */
    category: { code: string; schoolTask: string | null; serviceCode: string };
    school: RoutingSchool;
    /** The school's referents and declared rooms, read with it. */
    referents: SchoolReferents | null;
    declaredRooms: DeclaredRooms;
  },
  reference: ReferenceData,
  now: Date,
): Promise<FilingPlan> {
  const facts = await routingFacts(
    db,
    {
      type: ticket.type,
      categoryId: ticket.categoryId,
      establishmentId: ticket.establishmentId,
      ciIds: ticket.ciIds,
      priority: ticket.priority,
    },
    { category: ticket.category, school: ticket.school },
  );
  const decision = route(reference.rules, facts);
  const routing = await planRouting(db, ticket.establishmentId, decision, now, { teams: reference.teams, referents: ticket.referents });
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
    { firstPublicReplyAt: null, statusEvents: [], ciRooms: () => ciRoomsAmong(db, ticket.ciIds), declaredRooms: ticket.declaredRooms },
    now,
    referenceTeamSlaSettings(reference, routing.set.assignedTeamId, now),
  );
  const teamName = reference.teams.find((team) => team.id === routing.set.assignedTeamId)?.name ?? null;
  return { decision, routing, teamName, sla: slaChange(loaded, new Set(), now) };
}

/** The routing's journal entry of a filing (by the router), as its e-mails tell it. */
export const filedRoutingEntry = (plan: FilingPlan): EventFacts => routingEntry(plan.routing, null);

/** What a filing's news reads of the ticket it is about to write, and its "created" journal entry. */
export type FilingFacts = {
  id: string;
  title: string;
  takenById: string | null;
  establishmentId: string;
  criticalPeriodId: string | null;
  school: string;
  requesterId: string;
  /** The requester when the filer files for themself: the caller, just read with their credentials. */
  requester?: NonNullable<Awaited<ReturnType<typeof requesterForEmail>>>;
  created: EventFacts;
};

/** A filing's news once read: what `writeNews` writes when the reference and the journal entries' ids are known. */
export type FilingNews = (written: { reference: string; createdEventId: number; routingEventId: number }) => ReadNews[];

/**
 * The reads of a routed filing's news (the requester's confirmation and the queue's news, the watching teams' e-mail),
 * on the pool before its transaction, from what the filing is about to write: the transaction then only writes. Nothing
 * else is written on a new ticket: it has no followers, and its watchers are the plan's.
 */
export async function readFilingNews(db: Executor, filing: FilingFacts, plan: FilingPlan, now: Date): Promise<FilingNews> {
  const requester = filing.requester ?? (await requesterForEmail(db, filing.requesterId));
  if (!requester) throw new Error(`No requester ${filing.requesterId}`);
  const ticket: TicketFacts = {
    id: filing.id,
    reference: "",
    title: filing.title,
    teamName: plan.teamName,
    teamId: plan.routing.set.assignedTeamId,
    assigneeId: plan.routing.set.assigneeId,
    takenById: filing.takenById,
    establishmentId: filing.establishmentId,
    criticalPeriodId: filing.criticalPeriodId,
    school: filing.school,
    requester,
  };
  const { disabledAt, ...person } = requester;
  const watched = plan.decision.watcherTeamCodes.length > 0;
  const news = await Promise.all([
    readNews(db, { kind: "created", eventId: 0, ticket, event: filing.created }, async () => (disabledAt ? [] : [person]), now),
    // Watching teams (the Académie's RSSI on a security incident) are told at once.
    ...(watched
      ? [
          readNews(
            db,
            { kind: "watched", eventId: 0, ticket, event: filedRoutingEntry(plan) },
            () => teamRecipients(db, { teamIds: plan.routing.watcherTeamIds }),
            now,
          ),
        ]
      : []),
  ]);
  return ({ reference, createdEventId, routingEventId }) =>
    news.map((each) => ({
      ...each,
      ticket: { ...each.ticket, reference },
      eventId: each.kind === "created" ? createdEventId : routingEventId,
    }));
}

/**
 * What a routed filing writes beside its row (written with `plan`) and its journal (its "created" entry, then the
 * routing's, `filedRoutingEntry`), unrun, for its one statement: the watchers, the staff's in-app rows and the
 * e-mails (`outbox` returns their ids).
 */
export function filedRoutingWrites(
  db: Executor,
  ticket: { id: string; reference: string; createdEventId: number; routingEventId: number },
  plan: FilingPlan,
  news: FilingNews,
  now: Date,
): { inserts: (SQLWrapper | null)[]; outbox: SQLWrapper | null } {
  const { reference, createdEventId, routingEventId } = ticket;
  const told = freshNewsWrites(db, news({ reference, createdEventId, routingEventId }), now);
  return { inserts: [watchersInsert(db, ticket.id, plan.routing), ...told.inserts], outbox: told.outbox };
}
