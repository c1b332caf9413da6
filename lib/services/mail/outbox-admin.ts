import { database } from "@/db/client";
import { findOutboxEmail, listOutboxEmails, requeueFailedEmail, type OutboxCursor } from "@/db/queries/outbox-emails";
import type { Caller } from "@/lib/domain/caller";
import type { OutboxStatus } from "@/lib/domain/outbox";
import { can } from "@/lib/domain/permissions";
import { afterCommit } from "../after-commit";
import { fail, succeed, type ServiceResult } from "../service-result";

/** One page of the outbox for admins (null for anyone else). */
export async function readOutbox(caller: Caller, query: { status?: OutboxStatus; cursor?: OutboxCursor; limit: number }) {
  if (!can(caller, "outbox.manage")) return null;
  return listOutboxEmails(database(), { status: query.status, after: query.cursor, limit: query.limit });
}

/** One e-mail as sent, for admins (null for anyone else, or when there is no such e-mail). */
export async function readOutboxEmail(caller: Caller, id: string) {
  if (!can(caller, "outbox.manage")) return null;
  return findOutboxEmail(database(), id);
}

/**
 * "Renvoyer": a failed e-mail goes back to pending and gets a new job; the worker tries it once more
 * (and keeps it failed again, with the new answer, if the server still refuses it or none is configured).
 */
export async function resendOutboxEmail(caller: Caller, input: { id: string }): Promise<ServiceResult<{ id: string }>> {
  if (!can(caller, "outbox.manage")) return fail({ kind: "forbidden", message: "outbox.errors.forbidden" });
  const db = database();
  if (!(await requeueFailedEmail(db, input.id))) {
    if (!(await findOutboxEmail(db, input.id))) return fail({ kind: "not_found" });
    return fail({ kind: "conflict", message: "outbox.errors.notFailed" });
  }
  await afterCommit({ outboxIds: [input.id] });
  return succeed({ id: input.id });
}
