import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { accountEmail, type AccountEmailContent } from "@/lib/mail/account-templates";

export type AccountRecipient = { id: string; email: string; name: string; notificationEmail?: string | null };

/**
 * Writes an e-mail about a person's own account to the outbox, in the change's transaction; returns its
 * outbox id for `afterCommit`. Password links go to the sign-in address (they open the account); news
 * about the account to the notification address when the person gave one.
 */
export async function recordAccountEmail(
  tx: Executor,
  recipient: AccountRecipient,
  content: AccountEmailContent,
  now: Date,
): Promise<string> {
  const email = accountEmail({ appUrl: env().APP_URL, recipientName: recipient.name, content });
  const toLinkAddress = content.kind === "invitation" || content.kind === "reset";
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      idempotencyKey: `account:${content.kind}:${recipient.id}:${randomUUID()}`,
      recipientId: recipient.id,
      toAddress: toLinkAddress ? recipient.email : (recipient.notificationEmail ?? recipient.email),
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      createdAt: now,
    })
    .returning({ id: outboxEmails.id });
  return row!.id;
}
