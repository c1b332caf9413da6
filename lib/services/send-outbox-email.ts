import { and, asc, eq, lt, sql } from "drizzle-orm";
import { createTransport, type Transporter } from "nodemailer";
import { database } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueOutbox } from "./notifications";

/** A row younger than this still has its own job on the way; the sweep leaves it alone. */
const SWEEP_GRACE_MS = 60_000;
const SWEEP_BATCH = 500;

let transport: Transporter | undefined;

// Built at the first send, once per process: the SMTP connection settings never change while it runs.
function mailTransport(): Transporter {
  transport ??= createTransport(env().SMTP_URL);
  return transport;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * Sends one outbox e-mail and marks it sent. At least once: a crash between the SMTP
 * acceptance and the update sends it again, which the stable Message-ID lets clients fold.
 * An SMTP failure is counted on the row and rethrown, so BullMQ retries with backoff.
 */
export async function sendOutboxEmail(outboxId: string, now: Date): Promise<"sent" | "already_sent" | "missing"> {
  const db = database();
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, outboxId));
  if (!email) return "missing";
  if (email.status === "sent") return "already_sent";

  const { MAIL_FROM, APP_URL } = env();
  try {
    await mailTransport().sendMail({
      from: MAIL_FROM,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      messageId: `<${email.id}@${new URL(APP_URL).hostname}>`,
      // RFC 3834: out-of-office robots must not answer a notification.
      headers: { "Auto-Submitted": "auto-generated" },
    });
  } catch (error) {
    await db
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: errorText(error) })
      .where(eq(outboxEmails.id, email.id));
    throw error;
  }
  await db.update(outboxEmails).set({ status: "sent", sentAt: now }).where(eq(outboxEmails.id, email.id));
  return "sent";
}

/** Re-enqueues the pending rows old enough to have lost their job (the job id dedupes the others); returns how many. */
export async function sweepPendingOutbox(now: Date): Promise<number> {
  const pending = await database()
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lt(outboxEmails.createdAt, new Date(now.getTime() - SWEEP_GRACE_MS))))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(SWEEP_BATCH);
  await enqueueOutbox(pending.map((row) => row.id));
  return pending.length;
}
