import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { keysetPage } from "./keyset-page";
import { outboxEmails } from "@/db/schema";
import type { OutboxStatus } from "@/lib/domain/outbox";

export type OutboxCursor = { at: string; id: string };

/**
 * One keyset page of the outbox, newest first, without the bodies. The cursor keeps the instant as
 * PostgreSQL writes it: a JavaScript date would lose the microseconds and skip rows on the page boundary.
 */
export async function listOutboxEmails(db: Executor, options: { status?: OutboxStatus; after?: OutboxCursor; limit: number }) {
  const rows = await db
    .select({
      at: sql<string>`${outboxEmails.createdAt}::text`,
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .where(
      and(
        options.status ? eq(outboxEmails.status, options.status) : undefined,
        options.after
          ? sql`(${outboxEmails.createdAt}, ${outboxEmails.id}) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(options.limit + 1);
  const { items, next } = keysetPage(rows, options.limit, (last): OutboxCursor => ({ at: last.at, id: last.id }));
  return { items: items.map(({ at: _at, ...row }) => row), next };
}

/** One outbox e-mail with its bodies, as it was (or will be) sent. */
export async function findOutboxEmail(db: Executor, id: string) {
  const [email] = await db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      textBody: outboxEmails.textBody,
      htmlBody: outboxEmails.htmlBody,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.id, id));
  return email ?? null;
}

/** Puts a failed e-mail back to pending for the worker; false when it is not (or no longer) failed. */
export async function requeueFailedEmail(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(outboxEmails)
    .set({ status: "pending" })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, "failed")))
    .returning({ id: outboxEmails.id });
  return rows.length > 0;
}

/**
 * One pending outbox row whole, locked for the transaction `tx` until it commits (or its connection dies): the claim of
 * the sender. Null when the row is not pending or another sender holds it (SKIP LOCKED: no waiting).
 */
export async function claimPendingEmail(tx: Executor, id: string) {
  const [email] = await tx
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, "pending")))
    .for("update", { skipLocked: true });
  return email ?? null;
}

/** An outbox row's status, or null when there is no such row. */
export async function outboxEmailStatus(db: Executor, id: string): Promise<OutboxStatus | null> {
  const [row] = await db.select({ status: outboxEmails.status }).from(outboxEmails).where(eq(outboxEmails.id, id));
  return row?.status ?? null;
}

/** The oldest pending rows created before `before` (their job may be lost). */
export async function pendingEmailIdsBefore(db: Executor, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lt(outboxEmails.createdAt, before)))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit);
  return rows.map((row) => row.id);
}
