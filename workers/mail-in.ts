import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { readMailbox } from "@/lib/services/mail-in/read-mailbox";

/**
 * Mail in (MAIL_IN_URL): one loop per mailbox, in the worker process, outside BullMQ since IMAP IDLE keeps its
 * connection open. Each pass handles what waits, then sleeps MAIL_IN_POLL_SECONDS (with MAIL_IN_IDLE, on the open
 * connection, waking as soon as a message arrives). A failed pass (server down, wrong password) is logged and retried at
 * the next one. Returns the closer, which lets the running pass finish.
 */
export function startMailIn(): () => Promise<void> {
  const { MAIL_IN_URL: mailboxes, MAIL_IN_POLL_SECONDS, MAIL_IN_IDLE } = env();
  if (mailboxes.length === 0) return async () => undefined;
  let stopping = false;
  const wakers = new Set<() => void>();
  const pollMs = MAIL_IN_POLL_SECONDS * 1000;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, pollMs);
      wakers.add(wake);
    });
  const loops = mailboxes.map(async (mailbox) => {
    while (!stopping) {
      try {
        const pass = await readMailbox(mailbox, () => new Date(), MAIL_IN_IDLE ? { idleMs: pollMs } : {});
        if (pass.handled || pass.failed) logger.info({ mailbox: mailbox.key, ...pass }, "mail in: pass");
        if (MAIL_IN_IDLE) continue;
      } catch (error) {
        logger.warn({ mailbox: mailbox.key, err: error }, "mail in: pass failed, retried at the next one");
      }
      if (!stopping) await sleep();
    }
  });
  logger.info(
    { mailboxes: mailboxes.map((mailbox) => mailbox.key), pollSeconds: MAIL_IN_POLL_SECONDS, idle: MAIL_IN_IDLE },
    "mail in started",
  );
  return async () => {
    stopping = true;
    for (const wake of [...wakers]) wake();
    await Promise.all(loops);
  };
}
