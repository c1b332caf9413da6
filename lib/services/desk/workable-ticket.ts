import type { Executor } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { canActOnTicket, canSeeTicket } from "@/lib/domain/ticket-visibility";
import type { TicketAction } from "@/lib/domain/vendor-access";
import { afterCommit } from "../after-commit";
import { recordTicketNotifications, type TicketNotification } from "../mail/notifications";
import { refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceResult } from "../service-result";
import { refreshSla } from "../sla/refresh-sla";
import { lockTicket } from "../tickets/ticket-transition";

export type DeskContext = {
  tx: Executor;
  caller: Caller;
  now: Date;
  /** E-mails to record at the end of the transaction and send after commit. */
  notify: (notification: TicketNotification) => void;
  /** Outbox rows written by the action itself (an announced incident's end): enqueued after commit. */
  mail: (outboxIds: readonly string[]) => void;
  /** Ids of the tickets locked through {@link lockWorkable}: their SLA is refreshed before the transaction ends. */
  touched: Set<string>;
};

export type LockedTicket = Awaited<ReturnType<typeof lockTicket>> & { reference: string; establishmentId: string; zoneId: string };

/** Why a desk action is refused to someone who sees the ticket. */
function refusedAction(action: TicketAction): string {
  if (action === "hand_back") return "desk.errors.vendorOnlyReturns";
  return "desk.errors.vendorLimited";
}

/**
 * Loads a ticket the caller may do `actions` on and locks it: 404 when they may not see it, 403 for
 * school staff and for an action their standing refuses (a vendor's, lib/domain/vendor-access.ts); 409 while the
 * ticket waits for its approval.
 */
export async function lockWorkable(context: DeskContext, reference: string, actions: readonly TicketAction[]): Promise<LockedTicket> {
  const facts = await ticketFacts(context.tx, { reference });
  if (!facts || !canSeeTicket(context.caller, facts, context.now)) refuse({ kind: "not_found" });
  if (!can(context.caller, "desk.use")) refuse({ kind: "forbidden", message: "desk.errors.staffOnly" });
  const refused = actions.find((action) => !canActOnTicket(context.caller, facts, action, context.now));
  if (refused) refuse({ kind: "forbidden", message: refusedAction(refused) });
  const locked = await lockTicket(context.tx, facts.id);
  // Before its approval a request is nobody's work yet: only its approvers move it on (lib/services/approvals).
  if (locked.status === "awaiting_approval") refuse({ kind: "conflict", message: "desk.errors.awaitingApproval" });
  context.touched.add(locked.id);
  return { ...locked, reference: facts.reference, establishmentId: facts.establishmentId, zoneId: facts.zoneId };
}

/** Two tickets locked in id order, so two actions on the same pair in opposite directions never deadlock. */
export async function lockWorkablePair(
  context: DeskContext,
  first: string,
  second: string,
  action: TicketAction,
): Promise<[LockedTicket, LockedTicket]> {
  const a = await ticketFacts(context.tx, { reference: first });
  const b = await ticketFacts(context.tx, { reference: second });
  // Unknown or invisible references are refused by lockWorkable, whatever the order.
  const order = a && b && b.id < a.id ? [1, 0] : [0, 1];
  const references = [first, second];
  const locked: LockedTicket[] = [];
  for (const index of order) locked[index] = await lockWorkable(context, references[index]!, [action]);
  return [locked[0]!, locked[1]!];
}

/** Runs a desk action in one transaction; a Refusal rolls it all back; e-mails go out after commit. */
export async function deskAction<T>(caller: Caller, now: Date, run: (context: DeskContext) => Promise<T>): Promise<ServiceResult<T>> {
  if (!can(caller, "desk.use")) return fail({ kind: "forbidden", message: "desk.errors.staffOnly" });
  const done = await refusableTransaction(async (tx) => {
    const pending: TicketNotification[] = [];
    const written: string[] = [];
    const touched = new Set<string>();
    const value = await run({
      tx,
      caller,
      now,
      notify: (notification) => pending.push(notification),
      mail: (outboxIds) => written.push(...outboxIds),
      touched,
    });
    const slaSchedules = [];
    for (const ticketId of touched) slaSchedules.push(await refreshSla(tx, ticketId, now));
    return { value, outboxIds: [...written, ...(await recordTicketNotifications(tx, pending, now))], slaSchedules };
  });
  if (!done.ok) return done;
  await afterCommit({ outboxIds: done.value.outboxIds, slaSchedules: done.value.slaSchedules });
  return succeed(done.value.value);
}
