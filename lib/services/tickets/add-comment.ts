import { eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { ticketEvents, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { isOpen, statusAfterRequesterReply } from "@/lib/domain/ticket-status";
import { canActOnTicket, canSeeTicket, messageAction } from "@/lib/domain/ticket-visibility";
import type { Visibility } from "@/lib/domain/vocabulary";
import { discardStoredFiles, inspectAttachments, recordAttachments, storeFiles, type IncomingFile } from "./attachments";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications, type TicketNotification } from "../mail/notifications";
import { fail, succeed, type ServiceResult } from "../service-result";
import { refreshSla } from "../sla/refresh-sla";
import { lockTicket, transitionTicket } from "./ticket-transition";
import { shareWithVendor } from "../desk/vendor-access";
import { recordIdempotencyKey, type IdempotencyClaim } from "../idempotency/idempotency-keys";

const REFUSED_MESSAGES = {
  internal_note: "tickets.errors.internalNoteForbidden",
  public_reply: "tickets.errors.vendorPublicReply",
  vendor_reply: "tickets.errors.vendorReclaimed",
} as const;

/**
 * A reply (public) or an internal note on a ticket, with its files. A requester's reply
 * to a ticket waiting for them puts it back in progress; a public reply by anyone else
 * e-mails the requester. Internal notes are refused to school staff and never mailed. A vendor's
 * message is internal, to the Région's team, while the ticket waits for it; it reads it back.
 */
export async function addComment(
  caller: Caller,
  reference: string,
  input: { body: string; visibility: Visibility },
  attachments: IncomingFile[],
  now: Date,
  idempotency?: IdempotencyClaim,
  /** Mail in: the message it read, recorded in the comment's own transaction. */
  alsoInTransaction?: (tx: Executor, added: { ticketId: string; eventId: number }) => Promise<void>,
): Promise<ServiceResult<{ eventId: number }>> {
  const db = database();
  const facts = await ticketFacts(db, { reference });
  if (!facts || !canSeeTicket(caller, facts, now)) return fail({ kind: "not_found" });
  const action = messageAction(caller, input.visibility);
  if (!canActOnTicket(caller, facts, action, now)) return fail({ kind: "forbidden", message: REFUSED_MESSAGES[action] });
  const inspected = await inspectAttachments(attachments);
  if (!inspected.ok) {
    return fail({
      kind: "invalid",
      message: "tickets.errors.attachmentRefused",
      errors: inspected.problems.map((problem) => ({ field: "attachments", message: problem.message, values: problem.values })),
    });
  }

  const stored = await storeFiles(inspected.files, now);
  try {
    const result = await db.transaction(async (tx) => {
      const ticket = await lockTicket(tx, facts.id);
      if (!isOpen(ticket.status) && ticket.status !== "resolved") return null;
      const [event] = await tx
        .insert(ticketEvents)
        .values({
          ticketId: ticket.id,
          kind: "comment",
          visibility: input.visibility,
          authorId: caller.id,
          body: input.body,
          createdAt: now,
        })
        .returning({ id: ticketEvents.id });
      if (idempotency) await recordIdempotencyKey(tx, idempotency, { eventId: event!.id }, now);
      if (alsoInTransaction) await alsoInTransaction(tx, { ticketId: ticket.id, eventId: event!.id });
      const attachmentIds = await recordAttachments(tx, {
        ticketId: ticket.id,
        eventId: event!.id,
        uploadedById: caller.id,
        files: stored,
      });
      if (action === "vendor_reply")
        await shareWithVendor(tx, { ticketId: ticket.id, teamIds: caller.teamIds, eventId: event!.id, attachmentIds });
      await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, ticket.id));

      const notifications: TicketNotification[] = [];
      if (caller.id === ticket.requesterId) {
        const next = statusAfterRequesterReply(ticket.status);
        if (next !== ticket.status) await transitionTicket(tx, ticket, next, caller.id, now);
        // Whoever holds the ticket hears of the school's answer.
        notifications.push({ kind: "requester_replied", ticketId: ticket.id, eventId: event!.id });
      } else if (input.visibility === "public") {
        notifications.push({ kind: "answered", ticketId: ticket.id, eventId: event!.id });
      } else if (action === "vendor_reply") {
        // The Région's team hears from its vendor; the school only through the team.
        notifications.push({ kind: "vendor_message", ticketId: ticket.id, eventId: event!.id });
      }
      const sla = await refreshSla(tx, ticket.id, now);
      return { eventId: event!.id, outboxIds: await recordTicketNotifications(tx, notifications, now), slaSchedules: [sla] };
    });
    if (!result) {
      await discardStoredFiles(stored);
      return fail({ kind: "conflict", message: "tickets.errors.closed" });
    }
    await afterCommit(result);
    return succeed({ eventId: result.eventId });
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
}
