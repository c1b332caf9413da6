import { writeFile } from "node:fs/promises";
import { ImapFlow } from "imapflow";
import { database } from "@/db/client";
import type { MailboxConfig } from "@/lib/domain/mail-in-config";
import { logger } from "@/lib/logger";
import { handledRecord, type MessagePlace } from "@/db/queries/mail-in";
import { handleMessage, parseMessage, recordFailure } from "./handle-message";

/** Set on a message the server would not let us move: it is then skipped, as if in "Traités" or "Erreurs". */
export const HANDLED_KEYWORD = "$GuichetTraite";

export type MailboxPass = { handled: number; failed: number; skipped: number };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

const isUniqueViolation = (error: unknown): boolean => {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

export function imapClient(config: MailboxConfig): ImapFlow {
  return new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    doSTARTTLS: config.startTls ? undefined : false,
    tls: { rejectUnauthorized: config.rejectUnauthorized },
    auth: { user: config.user, pass: config.password },
    logger: false,
    disableAutoIdle: true,
  });
}

async function ensureFolders(client: ImapFlow, config: MailboxConfig): Promise<void> {
  const existing = new Set((await client.list()).map((box) => box.path));
  for (const folder of [config.doneFolder, config.errorFolder]) {
    if (existing.has(folder)) continue;
    await client.mailboxCreate(folder).catch((error: unknown) => {
      // Another worker may have just created it; a server refusing folders leaves us the keyword.
      logger.warn({ mailbox: config.key, folder, err: error }, "mail in: folder not created");
    });
  }
}

/** Moves a handled message out of the folder read; where that is impossible, marks it \Seen and with our keyword. */
async function moveOut(client: ImapFlow, uid: number, folder: string): Promise<void> {
  const moved = await client.messageMove(String(uid), folder, { uid: true }).catch(() => false);
  if (!moved) await client.messageFlagsAdd(String(uid), ["\\Seen", HANDLED_KEYWORD], { uid: true });
}

/**
 * Test hook (never in production): after a message's transaction commits and before it is moved, write this file and
 * stop there, for a test to kill the worker between the two.
 */
async function pauseAfterCommitForTests(uid: number): Promise<void> {
  const file = process.env.MAIL_IN_TEST_PAUSE_FILE;
  if (!file || process.env.NODE_ENV === "production") return;
  await writeFile(file, String(uid));
  await new Promise(() => undefined);
}

/**
 * One pass over a mailbox: every message not yet moved out is handled (lib/services/mail-in/handle-message.ts), then
 * moved to the done folder; a message that fails is recorded with its reason and moved to the error folder. A message
 * whose record exists (a crash after the commit, before the move) is only moved. With `idleMs`, waits on the open
 * connection until the server announces a new message or the time is up, then returns.
 */
export async function readMailbox(config: MailboxConfig, now: () => Date, options: { idleMs?: number } = {}): Promise<MailboxPass> {
  const client = imapClient(config);
  const pass: MailboxPass = { handled: 0, failed: 0, skipped: 0 };
  client.on("error", (error: unknown) => logger.warn({ mailbox: config.key, err: error }, "mail in: IMAP error"));
  await client.connect();
  try {
    await ensureFolders(client, config);
    const lock = await client.getMailboxLock(config.folder);
    try {
      const opened = client.mailbox;
      if (!opened) throw new Error(`mailbox ${config.folder} not open`);
      const uidValidity = Number(opened.uidValidity);
      const uids = (await client.search({ unKeyword: HANDLED_KEYWORD }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b)) {
        const place: MessagePlace = { mailbox: config.key, uidValidity, uid };
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        let folder = config.doneFolder;
        try {
          const handled = await handleMessage(place, message.source, now());
          if (handled.already) pass.skipped += 1;
          else pass.handled += 1;
          if (handled.outcome === "failed") folder = config.errorFolder;
          if (!handled.already) await pauseAfterCommitForTests(uid);
        } catch (error) {
          if (isUniqueViolation(error)) {
            // Another worker recorded it meanwhile: it moves it.
            pass.skipped += 1;
            continue;
          }
          logger.warn({ mailbox: config.key, uid, err: error }, "mail in: message not handled, moved to the error folder");
          const facts = await parseMessage(message.source)
            .then((parsed) => parsed.facts)
            .catch(() => ({}));
          // A record (another worker's, a crash's) wins over this failure.
          if (!(await handledRecord(database(), place, null))) await recordFailure(place, facts, errorText(error), now());
          pass.failed += 1;
          folder = config.errorFolder;
        }
        await moveOut(client, uid, folder);
      }
    } finally {
      lock.release();
    }
    if (options.idleMs) await idleUntilNews(client, config, options.idleMs);
  } finally {
    await client.logout().catch(() => client.close());
  }
  return pass;
}

async function idleUntilNews(client: ImapFlow, config: MailboxConfig, idleMs: number): Promise<void> {
  const lock = await client.getMailboxLock(config.folder);
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, idleMs);
      function done() {
        clearTimeout(timer);
        client.off("exists", done);
        resolve();
      }
      client.on("exists", done);
      client.idle().catch(done);
    });
  } finally {
    lock.release();
  }
}
