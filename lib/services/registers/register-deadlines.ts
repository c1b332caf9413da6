import { eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import {
  delegationAnniversariesDue,
  delegationFacts,
  filteringExceptionFacts,
  filteringRemindersDue,
  filteringRemovalsDue,
} from "@/db/queries/registers";
import { nextTicketReference } from "@/db/queries/ticket-reference";
import { teamsByCode } from "@/db/queries/teams";
import { schoolHeads } from "@/db/queries/weekly-report";
import { delegations, filteringExceptions, ticketEvents, tickets } from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import { priorityOf } from "@/lib/domain/priority";
import { SECURITY_TEAM_CODE, anniversaryDue, nextAnniversary, reminderDue, removalDue } from "@/lib/domain/registers";
import { env } from "@/lib/env";
import type { RenderedEmail } from "@/lib/mail/templates";
import { delegationReviewEmail, filteringRenewalEmail, removalTicketText } from "@/lib/mail/register-templates";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications } from "../mail/notifications";
import { writeOutbox } from "../mail/write-outbox";
import { applyRouting } from "../routing/route-ticket";
import { refreshSla, type SlaSchedule } from "../sla/refresh-sla";

type Recipient = { id: string; name: string; email: string };

/** One outbox row per recipient, keyed so a second run writes nothing; returns the ids written. */
async function writeEmails(tx: Executor, key: string, recipients: Recipient[], emailFor: (name: string) => RenderedEmail, now: Date) {
  const unique = [...new Map(recipients.map((recipient) => [recipient.id, recipient])).values()];
  return writeOutbox(tx, unique, (recipient) => ({ idempotencyKey: `${key}:${recipient.id}`, email: emailFor(recipient.name) }), now);
}

/** Locks a filtering exception for its deadline's work; null when another run holds it or it is gone. */
async function lockedException(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      reminderSentAt: filteringExceptions.reminderSentAt,
      removalTicketId: filteringExceptions.removalTicketId,
      startsOn: filteringExceptions.startsOn,
      endsOn: filteringExceptions.endsOn,
    })
    .from(filteringExceptions)
    .where(eq(filteringExceptions.id, id))
    .for("update", { skipLocked: true });
  return row ?? null;
}

/** A week before its end: the requester (still active) and the school's heads are told, with the renewal link; once. */
async function remindFiltering(id: string, today: string, now: Date): Promise<string[] | null> {
  return database().transaction(async (tx) => {
    const locked = await lockedException(tx, id);
    if (!locked || !reminderDue({ ...locked, reminded: locked.reminderSentAt !== null }, today)) return null;
    const facts = (await filteringExceptionFacts(tx, id))!;
    await tx.update(filteringExceptions).set({ reminderSentAt: now }).where(eq(filteringExceptions.id, id));
    const requester = facts.requesterActive
      ? [{ id: facts.requesterId, name: facts.requesterName, email: facts.requesterNotificationEmail ?? facts.requesterEmail }]
      : [];
    const heads = await schoolHeads(tx, [facts.establishmentId]);
    return writeEmails(
      tx,
      `register-renewal:${id}`,
      [...requester, ...heads],
      (name) =>
        filteringRenewalEmail({
          appUrl: env().APP_URL,
          recipientName: name,
          uai: facts.uai,
          schoolName: facts.schoolName,
          url: facts.url,
          endsOn: facts.endsOn,
          reference: facts.ticketReference,
        }),
      now,
    );
  });
}

/**
 * At its end: the security team gets a ticket to remove the rule, filed for the school by the original requester,
 * assigned to the team and journalled citing the approved request, in the transaction that marks the entry; once.
 */
async function fileRemoval(id: string, today: string, now: Date): Promise<{ outboxIds: string[]; sla: SlaSchedule | null } | null> {
  return database().transaction(async (tx) => {
    const locked = await lockedException(tx, id);
    if (!locked || !removalDue({ ...locked, removalFiled: locked.removalTicketId !== null }, today)) return null;
    const facts = (await filteringExceptionFacts(tx, id))!;
    const text = removalTicketText({ url: facts.url, decision: facts.decision, endsOn: facts.endsOn, reference: facts.ticketReference });
    const reference = await nextTicketReference(tx, now);
    const [ticket] = await tx
      .insert(tickets)
      .values({
        reference,
        type: "request",
        status: "new",
        priority: priorityOf("school", "medium"),
        impact: "school",
        urgency: "medium",
        title: text.title,
        description: text.description,
        establishmentId: facts.establishmentId,
        requesterId: facts.requesterId,
        serviceId: facts.serviceId,
        categoryId: facts.categoryId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tickets.id, priority: tickets.priority });
    const [event] = await tx
      .insert(ticketEvents)
      .values({
        ticketId: ticket!.id,
        kind: "created",
        visibility: "public",
        authorId: null,
        body: text.description,
        createdAt: now,
        data: { registerRemoval: { filteringExceptionId: id, ticketReference: facts.ticketReference } },
      })
      .returning({ id: ticketEvents.id });
    await applyRouting(
      tx,
      ticket!.id,
      {
        rule: null,
        teamCode: SECURITY_TEAM_CODE,
        watcherTeamCodes: [],
        priority: ticket!.priority,
        slaPolicyCode: null,
        assignToReferent: false,
        trace: [],
      },
      null,
      now,
    );
    const sla = await refreshSla(tx, ticket!.id, now);
    await tx.update(filteringExceptions).set({ removalTicketId: ticket!.id }).where(eq(filteringExceptions.id, id));
    const outboxIds = await recordTicketNotifications(tx, [{ kind: "created", ticketId: ticket!.id, eventId: event!.id }], now);
    return { outboxIds, sla };
  });
}

/** At a delegation's anniversary: "à revoir" (unless already for another reason), the next anniversary set, the heads told; once a year. */
async function reviewAtAnniversary(id: string, today: string, now: Date): Promise<string[] | null> {
  return database().transaction(async (tx) => {
    const [locked] = await tx
      .select({
        startsOn: delegations.startsOn,
        endsOn: delegations.endsOn,
        reviewDueOn: delegations.reviewDueOn,
        endedAt: delegations.endedAt,
        needsReview: delegations.needsReview,
      })
      .from(delegations)
      .where(eq(delegations.id, id))
      .for("update", { skipLocked: true });
    if (!locked || !anniversaryDue({ ...locked, ended: locked.endedAt !== null }, today)) return null;
    await tx
      .update(delegations)
      .set({ needsReview: locked.needsReview ?? "anniversary", reviewDueOn: nextAnniversary(locked.reviewDueOn) })
      .where(eq(delegations.id, id));
    const facts = (await delegationFacts(tx, id))!;
    return writeEmails(
      tx,
      `delegation-review:${id}:${locked.reviewDueOn}`,
      await schoolHeads(tx, [facts.establishmentId]),
      (name) =>
        delegationReviewEmail({
          appUrl: env().APP_URL,
          recipientName: name,
          uai: facts.uai,
          schoolName: facts.schoolName,
          delegateName: facts.delegateName,
          scope: facts.scope,
        }),
      now,
    );
  });
}

/**
 * The registers' daily deadlines at `now` (Paris day): renewal reminders a week before a filtering exception ends,
 * the security team's removal tickets at its end, delegations' yearly reviews. Each entry is handled in its own
 * transaction under a row lock, and its marker (reminder sent, removal ticket, next anniversary) is written with
 * the work: a second run, a concurrent worker or a restart after a crash does each thing once.
 */
export async function runRegisterDeadlines(now: Date): Promise<{ reminders: number; removals: number; reviews: number }> {
  const db = database();
  const today = parisDay(now);
  // Without the security team there is nobody to hand the removal to: the entries wait, unmarked, for the next run.
  const [securityTeam] = await teamsByCode(db, [SECURITY_TEAM_CODE]);
  const counts = { reminders: 0, removals: 0, reviews: 0 };
  for (const { id } of await filteringRemindersDue(db, today)) {
    const outboxIds = await remindFiltering(id, today, now);
    if (!outboxIds) continue;
    counts.reminders += 1;
    await afterCommit({ outboxIds });
  }
  if (securityTeam) {
    for (const { id } of await filteringRemovalsDue(db, today)) {
      const filed = await fileRemoval(id, today, now);
      if (!filed) continue;
      counts.removals += 1;
      await afterCommit({ outboxIds: filed.outboxIds, slaSchedules: [filed.sla] });
    }
  }
  for (const { id } of await delegationAnniversariesDue(db, today)) {
    const outboxIds = await reviewAtAnniversary(id, today, now);
    if (!outboxIds) continue;
    counts.reviews += 1;
    await afterCommit({ outboxIds });
  }
  return counts;
}
