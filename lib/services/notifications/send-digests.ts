import { and, asc, eq, inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { activeMailablePerson, digestRecipientIds, pendingDigest } from "@/db/queries/staff-notifications";
import { notifications, outboxEmails, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { digestKey, digestSlotName, isDigestSlot, latestDigestSlot } from "@/lib/domain/notification-digest";
import { digestEmail } from "@/lib/mail/staff-templates";
import { afterCommit } from "../after-commit";

/**
 * One person's digest for a slot, in one transaction: their notifications waiting for a digest up to the slot, an
 * outbox row keyed `digest:<user>:<slot>`, the notifications marked with the slot. A second run for the same slot
 * (a worker restarted, two workers) writes nothing: the rows are locked, then marked, and the key is taken.
 */
async function digestOne(recipientId: string, slot: Date, now: Date): Promise<string | null> {
  return database().transaction(async (tx) => {
    const person = await activeMailablePerson(tx, recipientId);
    if (!person) return null;
    const rows = await tx
      .select({ id: notifications.id, kind: notifications.kind, reference: tickets.reference, title: tickets.title })
      .from(notifications)
      .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
      .where(and(eq(notifications.recipientId, recipientId), pendingDigest(slot)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for("update", { of: notifications, skipLocked: true });
    if (rows.length === 0) return null;
    const email = digestEmail({ appUrl: env().APP_URL, recipientName: person.name, lines: rows });
    const [written] = await tx
      .insert(outboxEmails)
      .values({
        idempotencyKey: digestKey(recipientId, slot),
        recipientId,
        toAddress: person.email,
        subject: email.subject,
        textBody: email.text,
        htmlBody: email.html,
        createdAt: now,
      })
      .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
      .returning({ id: outboxEmails.id });
    // The slot's digest already went out: what arrived since (committed late) waits for the next slot.
    if (!written) return null;
    await tx
      .update(notifications)
      .set({ digestedAt: slot })
      .where(
        inArray(
          notifications.id,
          rows.map((row) => row.id),
        ),
      );
    return written.id;
  });
}

/**
 * Sends the digests of a slot: the one asked for, else the latest at or before `now` (so a worker that was down at
 * 12:00 catches up when it starts). A slot that is not one (a weekend, a holiday, 12:01) or not yet come does nothing.
 */
export async function sendDigests(now: Date, requested?: Date): Promise<{ slot: string | null; digests: number }> {
  const slot = requested ?? latestDigestSlot(now);
  if (!slot || !isDigestSlot(slot) || slot > now) return { slot: null, digests: 0 };
  const recipients = await digestRecipientIds(database(), slot);
  const outboxIds: string[] = [];
  for (const recipientId of recipients) {
    const id = await digestOne(recipientId, slot, now);
    if (id) outboxIds.push(id);
  }
  await afterCommit({ outboxIds });
  return { slot: digestSlotName(slot), digests: outboxIds.length };
}
