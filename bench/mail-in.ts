/**
 * Mail in (issue 18): 1,000 messages waiting in a mailbox, read by a real worker process. 70 % are new messages of the
 * three demo school contacts (each becomes an "À qualifier" ticket with its creation e-mail), 30 % replies by reply
 * token to the creation e-mails of 50 tickets filed beforehand (each becomes a public comment). Reports the messages
 * per second (from the first record to the mailbox left empty) and the worker's resident memory (peak and at the end).
 *
 *   npm run bench -- --only mail-in [--mails 1000] [--json <file>]
 *
 * On a throw-away database (migrations and the demo seed), Redis prefix and Dovecot (tests/support/dovecot.ts); the
 * messages are appended by IMAP before the worker starts; the worker sends its e-mails to a local SMTP capture. The
 * worker's RSS is the sum over its process group (the tsx launcher and the worker), read with ps every 200 ms.
 * Fails (exit 1) when a message is not handled within 10 minutes or ends anywhere but "Traités".
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { startWorker, stopApp } from "@/tests/support/app-server";
import { startDovecot } from "@/tests/support/dovecot";
import { startSmtpCapture } from "@/tests/support/smtp-capture";
import { createTestStores, testEnvironment } from "@/tests/support/test-database";
import { option, positiveInteger } from "./config";
import { table } from "./report";

const TIMEOUT_MS = 10 * 60_000;
const REPLY_ADDRESS = "guichet@guichet.test";
const CONTACTS = ["csl.choiseul@guichet.test", "csl.palissy@guichet.test", "proviseur.choiseul@guichet.test"];

const groupRssKb = (pid: number): number => {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "-g", String(pid)], { encoding: "utf8" });
    return out
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((value) => Number.isFinite(value))
      .reduce((sum, value) => sum + value, 0);
  } catch {
    return 0;
  }
};

function rawMessage(index: number, headers: Record<string, string>, body: string): string {
  const all = {
    Date: new Date().toUTCString(),
    "Message-ID": `<bench-${index}-${Date.now()}@lycee.example>`,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Transfer-Encoding": "8bit",
    ...headers,
  };
  return `${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n")}\r\n\r\n${body.replace(/\n/g, "\r\n")}\r\n`;
}

export async function runMailInBench(argv: readonly string[]): Promise<boolean> {
  const count = positiveInteger(option(argv, "mails"), 1000, "mails");
  const stores = await createTestStores("bench_mail_in");
  const capture = await startSmtpCapture();
  const box = { name: "guichet", password: "bench" };
  const dovecot = await startDovecot([box]);
  const uploadDir = await mkdtemp(path.join(tmpdir(), "guichet-bench-mail-in-"));
  const environment = testEnvironment(stores, {
    SMTP_URL: `smtp://127.0.0.1:${capture.port}`,
    MAIL_IN_URL: dovecot.urlFor(box),
    MAIL_IN_POLL_SECONDS: "5",
    MAIL_IN_REPLY_ADDRESS: REPLY_ADDRESS,
    UPLOAD_DIR: uploadDir,
  });
  Object.assign(process.env, environment);
  const { database, closeDatabase } = await import("@/db/client");
  const { mailInMessages, outboxEmails, ticketEvents, tickets, users } = await import("@/db/schema");
  const { createReplyToken } = await import("@/lib/services/signed-token");
  const { loadCaller } = await import("@/lib/services/accounts/load-caller");
  const { createTicket } = await import("@/lib/services/tickets/create-ticket");
  const { closeProducers } = await import("@/lib/queue/producer");
  const { closeRedis } = await import("@/lib/redis");
  const db = database();

  let worker: ChildProcess | undefined;
  let ok = true;
  try {
    // 50 tickets of Choiseul's CSL, whose creation e-mails the replies answer.
    const [csl] = await db.select({ id: users.id }).from(users).where(eq(users.email, CONTACTS[0]!));
    const caller = (await loadCaller(csl!.id))!;
    const tokens: string[] = [];
    for (let index = 0; index < 50; index++) {
      const filed = await createTicket(
        caller,
        {
          type: "incident",
          serviceCode: "POSTE",
          categoryCode: "POSTE-DYSF",
          establishmentUai: "0370037P",
          title: `Poste lent ${index}`,
          description: "Très lent.",
          impact: "individual",
          urgency: "medium",
          fields: {},
          ciIds: [],
        },
        [],
        new Date(),
      );
      if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
      const [mail] = await db
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .innerJoin(tickets, eq(tickets.id, outboxEmails.ticketId))
        .where(sql`${tickets.reference} = ${filed.value.reference} and ${outboxEmails.recipientId} = ${caller.id}`)
        .limit(1);
      tokens.push(createReplyToken(mail!.id, environment.AUTH_SECRET!));
    }
    const [ticketsBefore] = await db.select({ count: sql<number>`count(*)::int` }).from(tickets);

    const imap = await dovecot.client(box);
    const appendStarted = Date.now();
    let replies = 0;
    for (let index = 0; index < count; index++) {
      const reply = index % 10 < 3;
      if (reply) replies += 1;
      const raw = reply
        ? rawMessage(
            index,
            {
              From: CONTACTS[0]!,
              To: `guichet+${tokens[index % tokens.length]}@guichet.test`,
              Subject: "RE: Votre demande a été enregistrée",
            },
            `Précision n° ${index} : le poste est en salle ${index}.\n\nLe ven. 4 déc. 2026, Guichet a écrit :\n> Votre demande a été enregistrée.`,
          )
        : rawMessage(
            index,
            { From: CONTACTS[index % CONTACTS.length]!, To: REPLY_ADDRESS, Subject: `Panne n° ${index}` },
            `Bonjour,\n\nLe matériel de la salle ${index} ne fonctionne plus.\n\n-- \nLe lycée`,
          );
      await imap.append("INBOX", raw);
    }
    await imap.logout();
    const appendSeconds = (Date.now() - appendStarted) / 1000;

    const started = Date.now();
    worker = startWorker({ ...environment, LOG_LEVEL: "warn" });
    const pid = worker.pid!;
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, groupRssKb(pid))), 200);
    let firstRecordAt: number | null = null;
    let doneAt: number | null = null;
    while (Date.now() - started < TIMEOUT_MS) {
      const [handled] = await db.select({ count: sql<number>`count(*)::int` }).from(mailInMessages);
      if (handled!.count > 0 && firstRecordAt === null) firstRecordAt = Date.now();
      if (handled!.count >= count) {
        const counts = await dovecot.counts(box);
        if ((counts.INBOX ?? 0) === 0) {
          doneAt = Date.now();
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    clearInterval(sampler);
    const endKb = groupRssKb(pid);
    const counts = await dovecot.counts(box);
    const outcomes = await db
      .select({ outcome: mailInMessages.outcome, count: sql<number>`count(*)::int` })
      .from(mailInMessages)
      .groupBy(mailInMessages.outcome);
    const [ticketsAfter] = await db.select({ count: sql<number>`count(*)::int` }).from(tickets);
    const [comments] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(ticketEvents)
      .where(eq(ticketEvents.kind, "comment"));
    if (!doneAt || !firstRecordAt || (counts["Traités"] ?? 0) !== count) {
      ok = false;
      console.error(`[bench] not every message handled within ${TIMEOUT_MS / 1000} s: ${JSON.stringify(counts)}`);
    }
    const seconds = ((doneAt ?? Date.now()) - (firstRecordAt ?? started)) / 1000;
    const figures = {
      mails: count,
      replies,
      newMessages: count - replies,
      appendSeconds,
      startupSeconds: ((firstRecordAt ?? started) - started) / 1000,
      handlingSeconds: seconds,
      messagesPerSecond: count / seconds,
      outcomes: Object.fromEntries(outcomes.map((row) => [row.outcome, row.count])),
      ticketsCreated: ticketsAfter!.count - ticketsBefore!.count,
      comments: comments!.count,
      folders: counts,
      workerRssPeakMb: peakKb / 1024,
      workerRssEndMb: endKb / 1024,
    };
    console.log(
      table(
        ["figure", "value"],
        [
          [
            "messages in the mailbox",
            `${count} (${figures.newMessages} new, ${replies} replies), appended in ${appendSeconds.toFixed(1)} s`,
          ],
          ["worker start to first message handled", `${figures.startupSeconds.toFixed(1)} s`],
          ["handled in", `${seconds.toFixed(1)} s`],
          ["messages per second", figures.messagesPerSecond.toFixed(1)],
          ["outcomes", JSON.stringify(figures.outcomes)],
          ["tickets created / comments", `${figures.ticketsCreated} / ${figures.comments}`],
          ["folders after", JSON.stringify(counts)],
          ["worker RSS peak / at the end (MB)", `${figures.workerRssPeakMb.toFixed(0)} / ${figures.workerRssEndMb.toFixed(0)}`],
        ],
      ),
    );
    const json = option(argv, "json");
    if (json) await writeFile(json, JSON.stringify(figures, null, 2));
  } finally {
    if (worker) await stopApp(worker);
    await closeProducers();
    await closeRedis();
    await closeDatabase();
    await capture.close();
    await dovecot.stop();
    await stores.drop();
    await rm(uploadDir, { recursive: true, force: true });
  }
  return ok;
}
