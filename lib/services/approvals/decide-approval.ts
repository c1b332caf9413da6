import { and, eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { approvalLevel, approvalSchool, approverFacts, ticketForApproval } from "@/db/queries/approvals";
import { activeMailablePerson } from "@/db/queries/staff-notifications";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketApprovals, ticketEvents } from "@/db/schema";
import { afterApproval, approverKindsOf, decidesPendingLevel, pendingLevel } from "@/lib/domain/approvals";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { canSeeTicket } from "@/lib/domain/ticket-visibility";
import type { ApproverKind } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";
import { lockTicket, transitionTicket } from "../tickets/ticket-transition";
import { verifyApprovalToken } from "./approval-link";
import { onTicketApproved } from "./on-ticket-approved";
import { tellApprovalOutcome, tellApprovers } from "./tell-approvers";

export type ApprovalDecisionInput = { decision: "approve" | "refuse"; reason?: string | undefined };

type Decider = NonNullable<Awaited<ReturnType<typeof approverFacts>>>;

/** A refusal without its reason is unprocessable (422): the requester is told why. */
const REASON_REQUIRED: ServiceFailure = {
  kind: "unprocessable",
  message: "approvals.errors.reasonRequired",
  errors: [{ field: "reason", message: "forms.errors.reasonRequired" }],
};

/** The pending level's approvers' kinds this person holds at the ticket's school; empty when they approve nothing there. */
async function kindsAt(db: Executor, decider: Decider, establishmentId: string): Promise<ApproverKind[]> {
  const school = await approvalSchool(db, establishmentId);
  return school ? approverKindsOf(decider, school) : [];
}

/** Approves or refuses the pending level in one transaction: the level, the journal (the signature), the audit row, what follows. */
async function recordDecision(
  decider: Decider,
  kinds: readonly ApproverKind[],
  ticketId: string,
  expectedLevel: number | null,
  input: ApprovalDecisionInput,
  actor: AuditActor,
  now: Date,
): Promise<boolean> {
  const db = database();
  const reason = input.reason?.trim() || null;
  const work = await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.status !== "awaiting_approval") return null;
    const levels = await tx.select().from(ticketApprovals).where(eq(ticketApprovals.ticketId, ticketId)).for("update");
    levels.sort((a, b) => a.level - b.level);
    const pending = pendingLevel(levels);
    if (!pending || !decidesPendingLevel(kinds, levels) || (expectedLevel !== null && pending.level !== expectedLevel)) return null;

    const state = input.decision === "approve" ? "approved" : "refused";
    await tx
      .update(ticketApprovals)
      .set({ state, decidedAt: now, decidedById: decider.id, decidedFunction: decider.functionLabel, reason })
      .where(and(eq(ticketApprovals.ticketId, ticketId), eq(ticketApprovals.level, pending.level)));
    const [event] = await tx
      .insert(ticketEvents)
      .values({
        ticketId,
        kind: "approval",
        visibility: "public",
        authorId: decider.id,
        body: reason,
        data: {
          decision: state,
          level: pending.level,
          approverKind: pending.approverKind,
          by: { id: decider.id, name: decider.name },
          function: decider.functionLabel,
        },
        createdAt: now,
      })
      .returning({ id: ticketEvents.id });
    await recordAudit(tx, actor, {
      action: state === "approved" ? "ticket.approved" : "ticket.refused",
      objectType: "ticket",
      objectId: ticketId,
      before: { status: ticket.status, level: pending.level },
      after: { level: pending.level, approverKind: pending.approverKind, decision: state, ...(reason ? { reason } : {}) },
    });

    if (state === "refused") {
      await transitionTicket(tx, ticket, "cancelled", decider.id, now);
      const requester = await activeMailablePerson(tx, ticket.requesterId);
      const outboxIds = await tellApprovalOutcome(
        tx,
        {
          ticketId,
          level: pending.level,
          approverKind: pending.approverKind,
          eventId: event!.id,
          outcome: { kind: "refused", by: decider.name, reason: reason! },
        },
        requester,
        now,
      );
      return { outboxIds };
    }
    const next = afterApproval(levels);
    if (next.kind === "approved") return onTicketApproved(tx, ticketId, decider.id, now);
    const opened = levels.find((level) => level.level === next.level)!;
    await tx
      .update(ticketApprovals)
      .set({ state: "pending", openedAt: now })
      .where(and(eq(ticketApprovals.ticketId, ticketId), eq(ticketApprovals.level, next.level)));
    // The second level's approvers hear of the ticket only now that the first approved it.
    const outboxIds = await tellApprovers(
      tx,
      { ticketId, level: next.level, approverKind: opened.approverKind, eventId: event!.id, actorId: decider.id },
      now,
    );
    return { outboxIds };
  });
  if (!work) return false;
  await afterCommit(work);
  return true;
}

/**
 * A signed-in approver's decision on a ticket (the page's Approuver / Refuser, the API): 404 when they cannot see
 * it, 403 when they approve nothing at its school (its requester included), 409 when it is not waiting for a level
 * they approve; a refusal needs its reason.
 */
export async function decideApproval(
  caller: Caller,
  reference: string,
  input: ApprovalDecisionInput,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<{ reference: string }>> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  if (input.decision === "refuse" && !input.reason?.trim()) return fail(REASON_REQUIRED);
  const decider = await approverFacts(db, caller.id);
  const kinds = decider ? await kindsAt(db, decider, facts.establishmentId) : [];
  if (!decider || kinds.length === 0) return fail({ kind: "forbidden", message: "approvals.errors.notApprover" });
  const decided = await recordDecision(decider, kinds, facts.id, null, input, actor, now);
  return decided ? succeed({ reference }) : fail({ kind: "conflict", message: "approvals.errors.notAwaiting" });
}

/** What the approval link leads to: the ticket it is for while its level waits for this approver; spent once decided or expired. */
export type ApprovalLinkState =
  | { kind: "open"; reference: string; title: string; school: string; requesterName: string }
  | { kind: "spent"; reference: string | null }
  | { kind: "invalid" };

/** Reads an approval link without using it (the link's page). */
export async function approvalLinkState(token: string, now: Date): Promise<ApprovalLinkState> {
  const check = verifyApprovalToken(token, now, env().AUTH_SECRET);
  if (!check.valid) return check.reason === "expired" ? { kind: "spent", reference: null } : { kind: "invalid" };
  const db = database();
  const ticket = await ticketForApproval(db, check.ticketId);
  if (!ticket) return { kind: "invalid" };
  const [level, decider] = await Promise.all([approvalLevel(db, check.ticketId, check.level), approverFacts(db, check.approverId)]);
  const kinds = decider ? await kindsAt(db, decider, ticket.establishmentId) : [];
  if (ticket.status !== "awaiting_approval" || level?.state !== "pending" || !kinds.includes(level.approverKind))
    return { kind: "spent", reference: ticket.reference };
  return { kind: "open", reference: ticket.reference, title: ticket.title, school: ticket.school, requesterName: ticket.requesterName };
}

/** A decision through the e-mail's link, without signing in: as the approver it was sent to, for its level, once. */
export async function decideWithLink(
  token: string,
  input: ApprovalDecisionInput,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<{ reference: string }>> {
  const check = verifyApprovalToken(token, now, env().AUTH_SECRET);
  if (!check.valid)
    return fail(check.reason === "expired" ? { kind: "conflict", message: "approvals.errors.linkSpent" } : { kind: "not_found" });
  if (input.decision === "refuse" && !input.reason?.trim()) return fail(REASON_REQUIRED);
  const db = database();
  const facts = await ticketFacts(db, { id: check.ticketId });
  const decider = await approverFacts(db, check.approverId);
  if (!facts || !decider) return fail({ kind: "conflict", message: "approvals.errors.linkSpent" });
  const kinds = await kindsAt(db, decider, facts.establishmentId);
  const decided = await recordDecision(decider, kinds, facts.id, check.level, input, { ...actor, userId: decider.id }, now);
  return decided ? succeed({ reference: facts.reference }) : fail({ kind: "conflict", message: "approvals.errors.linkSpent" });
}
