import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, teamMembers, teams, ticketEvents, ticketFollowers, tickets, ticketWatchers, users } from "@/db/schema";
import { preparedStatement } from "./prepared";

/** Who a ticket's e-mails may go to: active accounts only. */
export type Recipient = { id: string; email: string; name: string };

const person = { id: users.id, email: users.email, name: users.name };
const active = () => isNull(users.disabledAt);
/** Staff e-mails may carry internal text: whatever the team holds, school staff never get them. */
const staffOnly = () => notInArray(users.role, ["requester", "manager"]);

/** The staff members of the teams watching the ticket (or of the teams about to watch a ticket being filed). */
export function teamRecipients(tx: Executor, team: { watchingTicketId: string } | { teamIds: string[] }): Promise<Recipient[]> {
  const teamIds =
    "teamIds" in team
      ? team.teamIds
      : tx.select({ id: ticketWatchers.teamId }).from(ticketWatchers).where(eq(ticketWatchers.ticketId, team.watchingTicketId));
  return tx
    .selectDistinct(person)
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(inArray(teamMembers.teamId, teamIds), active(), staffOnly()));
}

/** The ticket's assignee, or its holding team's members when nobody holds it. */
export function slaRecipients(tx: Executor, ticketId: string): Promise<Recipient[]> {
  const holders = tx
    .select({ id: sql<string>`coalesce(${tickets.assigneeId}, ${teamMembers.userId})` })
    .from(tickets)
    .leftJoin(teamMembers, and(isNull(tickets.assigneeId), eq(teamMembers.teamId, tickets.assignedTeamId)))
    .where(eq(tickets.id, ticketId));
  return tx
    .selectDistinct(person)
    .from(users)
    .where(and(inArray(users.id, holders), active(), staffOnly()));
}

/** The school's side of the ticket: its requester and followers. */
export function schoolRecipients(tx: Executor, ticketId: string): Promise<Recipient[]> {
  return tx
    .selectDistinct(person)
    .from(tickets)
    .innerJoin(
      users,
      or(
        eq(users.id, tickets.requesterId),
        inArray(users.id, tx.select({ id: ticketFollowers.userId }).from(ticketFollowers).where(eq(ticketFollowers.ticketId, ticketId))),
      ),
    )
    .where(and(eq(tickets.id, ticketId), active()));
}

/**
 * What a ticket's e-mail names (reference, title, school, holding team and assignee, requester), and what its staff
 * news depends on (its school, whether it was opened in a critical period).
 */
export async function ticketForEmail(tx: Executor, ticketId: string) {
  const [row] = await tx
    .select({
      id: tickets.id,
      reference: tickets.reference,
      title: tickets.title,
      teamName: teams.name,
      teamId: tickets.assignedTeamId,
      assigneeId: tickets.assigneeId,
      takenById: tickets.takenById,
      establishmentId: tickets.establishmentId,
      criticalPeriodId: tickets.criticalPeriodId,
      school: establishments.name,
      requester: { id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt },
    })
    .from(tickets)
    .innerJoin(users, eq(users.id, tickets.requesterId))
    .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
    .where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** A ticket's requester as its e-mails name them (a ticket being filed: its e-mails are worked out before its row is written). */
export async function requesterForEmail(tx: Executor, userId: string) {
  const [row] = await requesterStatement(tx).execute({ userId });
  return row ?? null;
}

const requesterStatement = preparedStatement((db) =>
  db
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("requester_for_email"),
);

/** One journal entry of the ticket, as an e-mail tells it. */
export async function eventForEmail(tx: Executor, ticketId: string, eventId: number) {
  const [row] = await tx
    .select({
      kind: ticketEvents.kind,
      visibility: ticketEvents.visibility,
      authorId: ticketEvents.authorId,
      body: ticketEvents.body,
      data: ticketEvents.data,
    })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.id, eventId), eq(ticketEvents.ticketId, ticketId)));
  return row ?? null;
}
