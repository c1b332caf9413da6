import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcementById, announcementReporters, concernedContacts } from "@/db/queries/announcements";
import { announcements, outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { announcementEmail } from "@/lib/mail/announcement-templates";

type Recipient = { id: string; name: string; email: string };

/** One outbox row per recipient, keyed `announcement:<moment>:<id>:<user>`: written once, however often this runs. */
async function writeMails(
  tx: Executor,
  announcement: NonNullable<Awaited<ReturnType<typeof announcementById>>>,
  moment: "published" | "ended",
  recipients: Recipient[],
  now: Date,
): Promise<string[]> {
  const unique = [...new Map(recipients.map((recipient) => [recipient.id, recipient])).values()];
  if (!unique.length) return [];
  const rows = unique.map((recipient) => {
    const email = announcementEmail({ appUrl: env().APP_URL, recipientName: recipient.name, moment, announcement });
    return {
      idempotencyKey: `announcement:${moment}:${announcement.id}:${recipient.id}`,
      recipientId: recipient.id,
      toAddress: recipient.email,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      createdAt: now,
    };
  });
  const written = await tx
    .insert(outboxEmails)
    .values(rows)
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning({ id: outboxEmails.id });
  return written.map((row) => row.id);
}

/** Inside the publishing transaction: the concerned schools' staff are told. Returns the outbox ids to enqueue after commit. */
export async function recordPublishedMails(tx: Executor, announcementId: string, now: Date): Promise<string[]> {
  const announcement = await announcementById(tx, announcementId);
  if (!announcement) throw new Error(`No announcement ${announcementId}`);
  return writeMails(tx, announcement, "published", await concernedContacts(tx, announcement), now);
}

/**
 * The end of an ended announcement, told once to the concerned schools' staff and to whoever said their school was
 * concerned; the row is locked and marked, so two workers or a retry never mail it twice. Null when not due (yet).
 */
export async function recordEndMails(tx: Executor, announcementId: string, now: Date): Promise<string[] | null> {
  const [locked] = await tx
    .select({ endMailedAt: announcements.endMailedAt, endsAt: announcements.endsAt })
    .from(announcements)
    .where(eq(announcements.id, announcementId))
    .for("update");
  if (!locked || locked.endMailedAt || locked.endsAt.getTime() > now.getTime()) return null;
  const announcement = await announcementById(tx, announcementId);
  const recipients = [...(await concernedContacts(tx, announcement!)), ...(await announcementReporters(tx, announcementId))];
  const ids = await writeMails(tx, announcement!, "ended", recipients, now);
  await tx.update(announcements).set({ endMailedAt: now }).where(eq(announcements.id, announcementId));
  return ids;
}
