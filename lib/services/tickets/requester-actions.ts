import { database, type Executor } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketEvents, ticketRatings } from "@/db/schema";
import { resolvedBefore, ticketIsRated } from "@/db/queries/ticket-work";
import { verifyRatingToken } from "@/lib/services/tickets/rating-link";
import type { Caller } from "@/lib/domain/caller";
import { REOPEN_WINDOW_DAYS, requesterActions, type RequesterAction } from "@/lib/domain/ticket-status";
import { canActAsRequester, canSeeTicket } from "@/lib/domain/ticket-visibility";
import type { TicketStatus } from "@/lib/domain/vocabulary";
import { env } from "@/lib/env";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications } from "../mail/notifications";
import { fail, succeed, type ServiceResult } from "../service-result";
import { refreshSla } from "../sla/refresh-sla";
import { lockTicket, transitionTicket } from "./ticket-transition";

const TARGET: Record<Exclude<RequesterAction, "rate">, TicketStatus> = { cancel: "cancelled", confirm: "closed", reopen: "assigned" };

const REFUSED: Record<RequesterAction, string> = {
  cancel: "tickets.errors.cancelOnlyOpen",
  confirm: "tickets.errors.confirmOnlyResolved",
  reopen: "tickets.errors.reopenWindow",
  rate: "tickets.errors.rateOnce",
};

/**
 * Cancel an open ticket, confirm a resolution (closes it and sends the closing e-mail with
 * its rating link) or reopen it within 10 days, with the requester's reason journalled.
 */
export async function requesterTransition(
  caller: Caller,
  reference: string,
  action: Exclude<RequesterAction, "rate">,
  reason: string | undefined,
  now: Date,
): Promise<ServiceResult<{ status: TicketStatus }>> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  if (!canActAsRequester(caller, facts)) return fail({ kind: "forbidden", message: "tickets.errors.schoolStaffOnly" });
  if (action === "reopen" && !reason?.trim())
    return fail({
      kind: "invalid",
      message: "tickets.errors.sayWhyNotResolved",
      errors: [{ field: "reason", message: "forms.errors.reasonRequired" }],
    });

  const outcome = await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, facts.id);
    const rated = await ticketIsRated(tx, ticket.id);
    if (!requesterActions({ status: ticket.status, resolvedAt: ticket.resolvedAt, rated }, now).includes(action)) return null;
    if (reason?.trim()) {
      await tx
        .insert(ticketEvents)
        .values({ ticketId: ticket.id, kind: "comment", visibility: "public", authorId: caller.id, body: reason.trim(), createdAt: now });
    }
    const eventId = await transitionTicket(tx, ticket, TARGET[action], caller.id, now);
    const sla = await refreshSla(tx, ticket.id, now);
    const outboxIds =
      action === "confirm" && eventId !== null
        ? await recordTicketNotifications(tx, [{ kind: "closed", ticketId: ticket.id, eventId }], now)
        : [];
    return { outboxIds, slaSchedules: [sla] };
  });
  if (!outcome) return fail({ kind: "conflict", message: REFUSED[action], values: { days: REOPEN_WINDOW_DAYS } });
  await afterCommit(outcome);
  return succeed({ status: TARGET[action] });
}

export type RatingInput = { score: number; comment?: string };

async function recordRating(tx: Executor, ticketId: string, input: RatingInput, ratedById: string | null, now: Date): Promise<boolean> {
  const ticket = await lockTicket(tx, ticketId);
  if (ticket.status !== "closed") return false;
  const inserted = await tx
    .insert(ticketRatings)
    .values({ ticketId, score: input.score, comment: input.comment?.trim() || null, ratedById, createdAt: now })
    .onConflictDoNothing()
    .returning({ ticketId: ticketRatings.ticketId });
  return inserted.length === 1;
}

/** The requester rates a closed ticket from its page, once. */
export async function rateTicket(caller: Caller, reference: string, input: RatingInput, now: Date): Promise<ServiceResult<null>> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  if (!canActAsRequester(caller, facts)) return fail({ kind: "forbidden", message: "tickets.errors.rateStaffOnly" });
  const rated = await db.transaction((tx) => recordRating(tx, facts.id, input, caller.id, now));
  return rated ? succeed(null) : fail({ kind: "conflict", message: REFUSED.rate });
}

/** Rating through the closing e-mail's signed link, without signing in: it works once and for 30 days. */
export async function rateWithLink(token: string, input: RatingInput, now: Date): Promise<ServiceResult<{ reference: string }>> {
  const check = verifyRatingToken(token, now, env().AUTH_SECRET);
  if (!check.valid) {
    return fail(check.reason === "expired" ? { kind: "conflict", message: "rating.errors.expired" } : { kind: "not_found" });
  }
  const db = database();
  const facts = await ticketFacts(db, { id: check.ticketId });
  if (!facts) return fail({ kind: "not_found" });
  const rated = await db.transaction((tx) => recordRating(tx, facts.id, input, null, now));
  return rated ? succeed({ reference: facts.reference }) : fail({ kind: "conflict", message: "rating.errors.alreadyRated" });
}

/** Worker sweep: a resolution nobody confirmed or disputed for 10 days is closed, with the closing e-mail. */
export async function closeStaleResolutions(now: Date): Promise<number> {
  const db = database();
  const cutoff = new Date(now.getTime() - REOPEN_WINDOW_DAYS * 86_400_000);
  const stale = await resolvedBefore(db, cutoff, 500);
  let closed = 0;
  for (const { id } of stale) {
    const work = await db.transaction(async (tx) => {
      const ticket = await lockTicket(tx, id);
      if (ticket.status !== "resolved" || !ticket.resolvedAt || ticket.resolvedAt >= cutoff) return {};
      const eventId = await transitionTicket(tx, ticket, "closed", null, now);
      const sla = await refreshSla(tx, id, now);
      closed++;
      return {
        slaSchedules: [sla],
        outboxIds: eventId === null ? [] : await recordTicketNotifications(tx, [{ kind: "closed", ticketId: id, eventId }], now),
      };
    });
    await afterCommit(work);
  }
  return closed;
}
