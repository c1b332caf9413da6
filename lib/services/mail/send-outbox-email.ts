import { eq, sql } from "drizzle-orm";
import net from "node:net";
import { createTransport, type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { database, inlinedStatement, transactionEndedBy, type Executor } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { claimPendingEmail, outboxEmailStatus, pendingEmailIdsBefore } from "@/db/queries/outbox-emails";
import { NO_SMTP_SERVER } from "@/lib/domain/outbox";
import { acceptsReplies, replyAddressWith } from "@/lib/domain/mail-in";
import { createReplyToken } from "../signed-token";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { enqueueOutbox } from "./notifications";

/** A row younger than this still has its own job on the way; the sweep leaves it alone. */
const SWEEP_GRACE_MS = 60_000;
const SWEEP_BATCH = 500;

let transport: Transporter | null | undefined;

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * The SMTP server's TCP connection, opened with Nagle's algorithm off. Nodemailer writes the end of a message in a
 * packet of its own, which the kernel otherwise holds until the server's delayed acknowledgement: about 45 ms an
 * e-mail on one connection, 2 to 4 ms without (measured on loopback). Handed over while it connects: nodemailer
 * then times the connection, speaks SMTP (TLS for smtps:, STARTTLS when offered) and hears its errors as its own,
 * so a refused connection leaves the pool as one it opened would.
 */
function openSmtpSocket(options: { host?: string; port?: number; secure?: boolean }, callback: SocketCallback) {
  // Nodemailer's own defaults when the URL names no host or port.
  const socket = net.connect({ host: options.host ?? "localhost", port: options.port ?? (options.secure ? 465 : 587), noDelay: true });
  callback(null, { connection: socket });
}

// Built at the first send, once per process: the SMTP connection settings never change while it runs. Null without SMTP_URL.
// Pooled (unless SMTP_URL says otherwise): a few connections kept open and reused, not a connection and a greeting per
// e-mail; without it the mail queue fell minutes behind the SLA alarms' e-mails in the faults bench.
function mailTransport(): Transporter | null {
  if (transport === undefined) {
    const url = env().SMTP_URL;
    if (url) {
      const pooled = new URL(url);
      if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
      transport = createTransport({ ...parseConnectionUrl(pooled.toString()), getSocket: openSmtpSocket });
    } else transport = null;
  }
  return transport;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/** SMTP's permanent refusals (5xx: no such mailbox, rejected content): sending again would fail again. */
function permanentlyRefused(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends one outbox e-mail and marks it sent, in one transaction that holds the row locked from before the SMTP
 * conversation until its status is written: the claim. A second job for the same row meanwhile (the sweep's after a
 * Redis flush, a stalled job taken again while its first worker still runs) finds it held and answers "busy" without
 * sending; a killed worker's claim goes with its connection, so the stalled job's retry sends it.
 * At least once, not exactly once: a worker killed between the SMTP server's acceptance and the moment it writes
 * "sent" and the COMMIT (one message) leaves the row pending, and it is sent again; the stable Message-ID lets clients
 * fold the two. PostgreSQL lost in that moment (a restart) is waited for: "sent" is written again on a new connection
 * for {@link MARK_SENT_PATIENCE_MS}.
 * A temporary SMTP failure is counted on the row and rethrown, so BullMQ retries with backoff;
 * a permanent refusal (5xx) marks the row failed with the server's answer, and it is not retried.
 * Without SMTP_URL the row is marked failed with {@link NO_SMTP_SERVER} at once: kept for admins to read, never retried.
 */
export async function sendOutboxEmail(outboxId: string, now: Date): Promise<"sent" | "already_sent" | "missing" | "failed" | "busy"> {
  let accepted = false;
  const outcome = await transactionEndedBy(async (tx) => {
    const ended = await claimAndSend(tx, outboxId, () => (accepted = true));
    // Right after the acceptance, "sent" and the COMMIT leave in one message: the window for a second copy is only
    // the time it takes to write it, not a round trip for the update and another for the commit.
    return { value: ended, end: ended.result === "sent" ? `${inlinedStatement(markSent(tx, outboxId, now))}; COMMIT` : "COMMIT" };
  }).catch(async (error: unknown) => {
    if (!accepted) throw error;
    await markSentOnceBack(outboxId, now, error);
    return { result: "sent" } as const;
  });
  if (outcome.result === "retry") throw outcome.error;
  return outcome.result;
}

/** The claim, then the SMTP conversation; "sent" is left to the caller, who writes it with the commit. */
async function claimAndSend(tx: Executor, outboxId: string, onAccepted: () => void) {
  const email = await claimPendingEmail(tx, outboxId);
  if (!email) {
    const status = await outboxEmailStatus(tx, outboxId);
    return {
      result: status === null ? "missing" : status === "sent" ? "already_sent" : status === "failed" ? "failed" : "busy",
    } as const;
  }
  const { MAIL_FROM, APP_URL, MAIL_IN_REPLY_ADDRESS, AUTH_SECRET } = env();
  const mailer = mailTransport();
  if (!mailer) {
    await tx
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: NO_SMTP_SERVER, status: "failed" })
      .where(eq(outboxEmails.id, email.id));
    return { result: "failed" } as const;
  }
  try {
    await mailer.sendMail({
      from: MAIL_FROM,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      messageId: `<${email.id}@${new URL(APP_URL).hostname}>`,
      // A ticket's e-mail to the school: the answer comes back to the mail-in mailbox, the token naming this e-mail.
      ...(MAIL_IN_REPLY_ADDRESS && email.ticketId && email.recipientId && acceptsReplies(email.idempotencyKey)
        ? { replyTo: replyAddressWith(MAIL_IN_REPLY_ADDRESS, createReplyToken(email.id, AUTH_SECRET)) }
        : {}),
      // RFC 3834: out-of-office robots must not answer a notification. Our header tells mail in a copy of ours.
      headers: { "Auto-Submitted": "auto-generated", "X-Guichet-Outbox": email.id },
    });
  } catch (error) {
    const failed = permanentlyRefused(error);
    await tx
      .update(outboxEmails)
      .set({
        attempts: sql`${outboxEmails.attempts} + 1`,
        lastError: errorText(error),
        ...(failed ? { status: "failed" as const } : {}),
      })
      .where(eq(outboxEmails.id, email.id));
    if (failed) logger.warn({ outboxId: email.id, err: error }, "e-mail refused for good by the SMTP server; not retried");
    // Committed first (the attempt counted), thrown after: BullMQ's retry.
    return failed ? ({ result: "failed" } as const) : { result: "retry" as const, error };
  }
  onAccepted();
  return { result: "sent" } as const;
}

/** How long "sent" is retried after the SMTP server accepted an e-mail and PostgreSQL was lost before the commit. */
const MARK_SENT_PATIENCE_MS = 20_000;

const markSent = (db: Executor, id: string, now: Date) =>
  db.update(outboxEmails).set({ status: "sent", sentAt: now }).where(eq(outboxEmails.id, id));

/**
 * The e-mail went out but its transaction was cut (PostgreSQL restarting): "sent" on a new connection, once the server
 * is back, within {@link MARK_SENT_PATIENCE_MS}; past it, `cause` is thrown and the retry sends the e-mail again. The
 * claim went with the cut connection, but this job still holds its BullMQ lock: only a Redis flush lets a second job in.
 */
async function markSentOnceBack(id: string, now: Date, cause: unknown): Promise<void> {
  const deadline = Date.now() + MARK_SENT_PATIENCE_MS;
  for (;;) {
    try {
      await markSent(database(), id, now);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw cause;
      logger.warn({ outboxId: id, err: error }, "e-mail sent but not yet marked sent; trying again");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Re-enqueues the pending rows old enough to have lost their job (the job id dedupes the others); returns how many. */
export async function sweepPendingOutbox(now: Date): Promise<number> {
  const pending = await pendingEmailIdsBefore(database(), new Date(now.getTime() - SWEEP_GRACE_MS), SWEEP_BATCH);
  await enqueueOutbox(pending);
  return pending.length;
}

/** Whether a mail server is configured and answers (connection and greeting); the command line prints links itself when not. */
export async function mailServerAnswers(): Promise<boolean> {
  const transport = mailTransport();
  if (!transport) return false;
  try {
    return await transport.verify();
  } catch {
    return false;
  }
}
