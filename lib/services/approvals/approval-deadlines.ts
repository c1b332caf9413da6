import { and, eq } from "drizzle-orm";
import { database } from "@/db/client";
import { pendingLevelsToCheck } from "@/db/queries/approvals";
import { activeMailablePerson } from "@/db/queries/staff-notifications";
import { ticketApprovals, ticketEvents } from "@/db/schema";
import { dueApprovalAction, REMINDER_WORKING_DAYS, TIMEOUT_WORKING_DAYS } from "@/lib/domain/approvals";
import { afterCommit } from "../after-commit";
import { SYSTEM_ACTOR } from "../audit/audit-actor";
import { recordAudit } from "../audit/record-audit";
import { lockTicket, transitionTicket } from "../tickets/ticket-transition";
import { remindApprovers, tellApprovalOutcome } from "./tell-approvers";

const DAY = 86_400_000;
/** Working days never come faster than calendar days; 10 working days span at least two weekends. */
const REMIND_FLOOR_DAYS = REMINDER_WORKING_DAYS;
const EXPIRE_FLOOR_DAYS = TIMEOUT_WORKING_DAYS + 4;
const BATCH = 500;

/**
 * Worker sweep: reminds the approvers of a level unanswered for 2 working days, and gives up a ticket whose level
 * is unanswered for 10 (cancelled, its requester and approvers told). Each in its own transaction with the level
 * locked and re-read, so a run after a restart, or two at once, does each thing once (the reminder's date, the
 * level's state; the e-mails' idempotency keys).
 */
export async function sweepApprovalDeadlines(now: Date): Promise<{ reminded: number; expired: number }> {
  const db = database();
  const candidates = await pendingLevelsToCheck(
    db,
    { remindBefore: new Date(now.getTime() - REMIND_FLOOR_DAYS * DAY), expireBefore: new Date(now.getTime() - EXPIRE_FLOOR_DAYS * DAY) },
    BATCH,
  );
  const done = { reminded: 0, expired: 0 };
  for (const candidate of candidates) {
    const work = await db.transaction(async (tx) => {
      const ticket = await lockTicket(tx, candidate.ticketId);
      const [level] = await tx
        .select()
        .from(ticketApprovals)
        .where(and(eq(ticketApprovals.ticketId, candidate.ticketId), eq(ticketApprovals.level, candidate.level)))
        .for("update");
      if (!level || ticket.status !== "awaiting_approval") return {};
      const action = dueApprovalAction(level, now);
      const where = and(eq(ticketApprovals.ticketId, level.ticketId), eq(ticketApprovals.level, level.level));
      if (action === "remind") {
        await tx.update(ticketApprovals).set({ remindedAt: now }).where(where);
        done.reminded++;
        return { outboxIds: await remindApprovers(tx, { ...level, openedAt: level.openedAt! }, now) };
      }
      if (action !== "expire") return {};
      await tx.update(ticketApprovals).set({ state: "expired", decidedAt: now }).where(where);
      const [event] = await tx
        .insert(ticketEvents)
        .values({
          ticketId: level.ticketId,
          kind: "approval",
          visibility: "public",
          authorId: null,
          data: { decision: "expired", level: level.level, approverKind: level.approverKind, days: TIMEOUT_WORKING_DAYS },
          createdAt: now,
        })
        .returning({ id: ticketEvents.id });
      await transitionTicket(tx, ticket, "cancelled", null, now);
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "ticket.approval_expired",
        objectType: "ticket",
        objectId: level.ticketId,
        before: { status: ticket.status, level: level.level },
        after: { status: "cancelled" },
      });
      done.expired++;
      const requester = await activeMailablePerson(tx, ticket.requesterId);
      return {
        outboxIds: await tellApprovalOutcome(
          tx,
          { ...level, eventId: event!.id, outcome: { kind: "expired", days: TIMEOUT_WORKING_DAYS } },
          requester,
          now,
        ),
      };
    });
    await afterCommit(work);
  }
  return done;
}
