import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import {
  categories,
  establishments,
  mailInMessages,
  outboxEmails,
  teams,
  attachments,
  ticketEvents,
  tickets,
  userEstablishments,
  users,
} from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { createReplyToken } from "@/lib/services/signed-token";
import { parseMailboxUrl, type MailboxConfig } from "@/lib/domain/mail-in-config";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { readMailbox } from "@/lib/services/mail-in/read-mailbox";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { startWorker } from "../support/app-server";
import { callerFor } from "../support/callers";
import { startDovecot, type Dovecot } from "../support/dovecot";
import { useOwnDatabase } from "../support/own-database";
import { sampleFiles } from "../support/sample-files";

/**
 * Mail in (issue 18) against a real Dovecot started here, messages delivered by LMTP as an MTA would. Choiseul's CSL
 * (Claire Martin) answers the e-mails of her ticket; Palissy's CSL may not write in it; the reply address is
 * guichet@guichet.test, our Message-IDs end in @localhost (APP_URL).
 */
const SECRET = "test-secret-that-is-long-enough-0123456789";
const REPLY = "guichet@guichet.test";
const box = { name: "guichet", password: "boite-secrete" };
const NOW = new Date("2026-12-04T09:00:00Z");

let drop: () => Promise<void>;
let dovecot: Dovecot;
let mailbox: MailboxConfig;
let uploadDir: string;
let csl: Caller, admin: Caller;

let sequence = 0;
function message(headers: Record<string, string>, body: string): string {
  sequence += 1;
  const all = {
    Date: NOW.toUTCString(),
    "Message-ID": `<m${sequence}.${randomBytes(4).toString("hex")}@lycee.example>`,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Transfer-Encoding": "8bit",
    ...headers,
  };
  return `${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n")}\r\n\r\n${body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

const pass = () => readMailbox(mailbox, () => NOW);

async function records(messageId: string) {
  return database().select().from(mailInMessages).where(eq(mailInMessages.messageId, messageId));
}
const idOf = (raw: string) => /^Message-ID: (.+)$/m.exec(raw)![1]!.trim();

async function fileTicket(title: string): Promise<{ id: string; reference: string }> {
  const filed = await createTicket(
    csl,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-DYSF",
      establishmentUai: "0370037P",
      title,
      description: "Le poste de la salle des professeurs est très lent.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [],
    },
    [],
    NOW,
  );
  if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
  const [ticket] = await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.reference, filed.value.reference));
  return { id: ticket!.id, reference: filed.value.reference };
}

/** The ticket waits for Claire: the "waiting for you" e-mail's outbox row, whose token and Message-ID a reply carries. */
async function waitingForCsl(title: string) {
  const ticket = await fileTicket(title);
  const asked = await updateTicket(admin, ticket.reference, { status: "waiting_requester", message: "Dans quelle salle ?" }, NOW);
  if (!asked.ok) throw new Error(JSON.stringify(asked.failure));
  const [mail] = await database()
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.ticketId, ticket.id),
        eq(outboxEmails.recipientId, csl.id),
        like(outboxEmails.idempotencyKey, "waiting_requester:%"),
      ),
    );
  return { ...ticket, outboxId: mail!.id, replyTo: `guichet+${createReplyToken(mail!.id, SECRET)}@guichet.test` };
}

const statusOf = async (ticketId: string) =>
  (await database().select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)))[0]!.status;
const commentsOf = (ticketId: string) =>
  database()
    .select({ body: ticketEvents.body, authorId: ticketEvents.authorId, visibility: ticketEvents.visibility })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.kind, "comment")))
    .orderBy(asc(ticketEvents.id));
const mailsTo = (address: string) =>
  database()
    .select({ subject: outboxEmails.subject, textBody: outboxEmails.textBody, status: outboxEmails.status })
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, address));

beforeAll(async () => {
  dovecot = await startDovecot([box]);
  uploadDir = await mkdtemp(path.join(tmpdir(), "guichet-mail-in-uploads-"));
  process.env.MAIL_IN_REPLY_ADDRESS = REPLY;
  process.env.MAIL_IN_URL = dovecot.urlFor(box);
  process.env.UPLOAD_DIR = uploadDir;
  drop = await useOwnDatabase("mail_in");
  mailbox = parseMailboxUrl(dovecot.urlFor(box)) as MailboxConfig;
  csl = await callerFor("csl.choiseul@guichet.test");
  admin = await callerFor("admin@guichet.test");
}, 120_000);

afterAll(async () => {
  await dovecot?.stop();
  await drop?.();
  await rm(uploadDir, { recursive: true, force: true });
  delete process.env.MAIL_IN_REPLY_ADDRESS;
  delete process.env.MAIL_IN_URL;
});

describe("replies to ticket e-mails", () => {
  test("the requester's reply, by its token, becomes her public comment, trimmed, and puts the ticket back in progress", async () => {
    const ticket = await waitingForCsl("Poste lent en salle des professeurs");
    expect(await statusOf(ticket.id)).toBe("waiting_requester");
    const raw = message(
      { From: "Claire Martin <csl.choiseul@guichet.test>", To: ticket.replyTo, Subject: `RE: Votre demande attend votre réponse` },
      "C'est la salle B12.\n\nCordialement,\n-- \nClaire Martin\nCSL\n\nLe ven. 4 déc. 2026 à 10:00, Guichet <no-reply@guichet.test> a écrit :\n> Dans quelle salle ?",
    );
    await dovecot.deliver(box, raw);
    expect(await pass()).toEqual({ handled: 1, failed: 0, skipped: 0 });

    expect(await commentsOf(ticket.id)).toEqual([{ body: "C'est la salle B12.\n\nCordialement,", authorId: csl.id, visibility: "public" }]);
    expect(await statusOf(ticket.id)).toBe("in_progress");
    expect(await records(idOf(raw))).toEqual([
      expect.objectContaining({ outcome: "comment", ticketId: ticket.id, uidValidity: expect.any(Number) }),
    ]);
    expect(await dovecot.counts(box)).toMatchObject({ INBOX: 0, Traités: 1, Erreurs: 0 });

    // The same message delivered again (a resend, another mailbox): handled once, only moved.
    await dovecot.deliver(box, raw);
    expect(await pass()).toEqual({ handled: 0, failed: 0, skipped: 1 });
    expect(await commentsOf(ticket.id)).toHaveLength(1);
    expect(await dovecot.counts(box)).toMatchObject({ INBOX: 0, Traités: 2 });
  });

  test("a reply found by In-Reply-To alone, with an attachment the policy accepts", async () => {
    const ticket = await waitingForCsl("Imprimante du CDI");
    const boundary = "b-1";
    const raw = message(
      {
        From: "csl.choiseul@guichet.test",
        To: "support@lycee.example",
        Subject: "Re: Votre demande",
        "In-Reply-To": `<${ticket.outboxId}@localhost>`,
        References: `<${ticket.outboxId}@localhost>`,
        "Content-Type": `multipart/mixed; boundary="${boundary}"`,
      },
      [
        `--${boundary}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Voici la photo de l'écran.",
        "",
        "On Fri, Dec 4, 2026 at 10:00 AM Guichet <no-reply@guichet.test> wrote:",
        "> Dans quelle salle ?",
        `--${boundary}`,
        'Content-Type: image/png; name="ecran.png"',
        'Content-Disposition: attachment; filename="ecran.png"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from(sampleFiles.png()).toString("base64"),
        `--${boundary}--`,
      ].join("\n"),
    );
    await dovecot.deliver(box, raw);
    await pass();
    expect(await commentsOf(ticket.id)).toEqual([expect.objectContaining({ body: "Voici la photo de l'écran.", authorId: csl.id })]);
    const files = await database().select({ fileName: attachments.fileName }).from(attachments).where(eq(attachments.ticketId, ticket.id));
    expect(files.map((file) => file.fileName)).toEqual(["ecran.png"]);
    expect(await statusOf(ticket.id)).toBe("in_progress");
  });

  test("someone who may not write in the ticket: nothing is added, and they are told why in French", async () => {
    const ticket = await waitingForCsl("Vidéoprojecteur salle 12");
    const raw = message({ From: "csl.palissy@guichet.test", To: ticket.replyTo, Subject: "Re: Votre demande" }, "Je réponds à sa place.");
    await dovecot.deliver(box, raw);
    await pass();
    expect(await commentsOf(ticket.id)).toEqual([]);
    expect(await statusOf(ticket.id)).toBe("waiting_requester");
    expect(await records(idOf(raw))).toEqual([expect.objectContaining({ outcome: "answered" })]);
    const [answer] = await mailsTo("csl.palissy@guichet.test");
    expect(answer!.subject).toBe(`Votre réponse n'a pas été ajoutée au ticket ${ticket.reference}`);
    expect(answer!.textBody).toContain("votre compte (csl.palissy@guichet.test) ne peut pas écrire dans ce ticket");
  });

  test("a forged reply token finds no ticket: nothing is added, even with a genuine In-Reply-To", async () => {
    const ticket = await waitingForCsl("Réseau coupé au foyer");
    const forged = `guichet+${ticket.replyTo.slice(8, 40)}${"0".repeat(20)}@guichet.test`;
    const raw = message(
      { From: "csl.choiseul@guichet.test", To: forged, Subject: "Re: Votre demande", "In-Reply-To": `<${ticket.outboxId}@localhost>` },
      "Réponse avec un jeton trafiqué.",
    );
    await dovecot.deliver(box, raw);
    await pass();
    expect(await commentsOf(ticket.id)).toEqual([]);
    expect(await records(idOf(raw))).toEqual([expect.objectContaining({ outcome: "ignored", reason: "jeton de réponse invalide" })]);
  });

  test("an out-of-office answer to a ticket e-mail is never a comment", async () => {
    const ticket = await waitingForCsl("Tableau numérique");
    const raw = message(
      { From: "csl.choiseul@guichet.test", To: ticket.replyTo, Subject: "Réponse automatique : absente", "Auto-Submitted": "auto-replied" },
      "Je suis absente jusqu'au 7 décembre.",
    );
    await dovecot.deliver(box, raw);
    await pass();
    expect(await commentsOf(ticket.id)).toEqual([]);
    expect(await records(idOf(raw))).toEqual([
      expect.objectContaining({ outcome: "ignored", reason: "réponse automatique (Auto-Submitted: auto-replied)" }),
    ]);
  });

  test("a bounce marks the outbox row failed with the server's reason, and creates nothing", async () => {
    const ticket = await waitingForCsl("Bounce");
    const boundary = "report-1";
    const raw = message(
      {
        From: "MAILER-DAEMON@mx.lycee.example",
        To: "no-reply@guichet.test",
        Subject: "Undelivered Mail Returned to Sender",
        "Content-Type": `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      },
      [
        `--${boundary}`,
        "Content-Type: text/plain",
        "",
        "Your message could not be delivered.",
        `--${boundary}`,
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.lycee.example",
        "",
        "Final-Recipient: rfc822; csl.choiseul@guichet.test",
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 Mailbox unknown",
        `--${boundary}`,
        "Content-Type: text/rfc822-headers",
        "",
        "From: Guichet <no-reply@guichet.test>",
        `Message-ID: <${ticket.outboxId}@localhost>`,
        "Subject: Votre demande attend votre réponse",
        `--${boundary}--`,
      ].join("\n"),
    );
    const before = await database().select({ id: tickets.id }).from(tickets);
    await dovecot.deliver(box, raw);
    await pass();
    const [row] = await database().select().from(outboxEmails).where(eq(outboxEmails.id, ticket.outboxId));
    expect(row).toMatchObject({
      status: "failed",
      lastError: "Rejeté par le serveur de destination (csl.choiseul@guichet.test) : 550 5.1.1 Mailbox unknown",
    });
    expect(await database().select({ id: tickets.id }).from(tickets)).toHaveLength(before.length);
    expect(await commentsOf(ticket.id)).toEqual([]);
    expect(await records(idOf(raw))).toEqual([expect.objectContaining({ outcome: "bounce" })]);
  });

  test("a copy of our own e-mail coming back is ignored", async () => {
    const raw = message({ From: "Guichet <no-reply@guichet.test>", To: REPLY, Subject: "Votre demande a été enregistrée" }, "Copie.");
    await dovecot.deliver(box, raw);
    await pass();
    expect(await records(idOf(raw))).toEqual([expect.objectContaining({ outcome: "ignored", reason: "courriel envoyé par Guichet" })]);
  });
});

describe("new messages", () => {
  test("a school contact's mail becomes a ticket of her school, À qualifier, for the service desk, with its attachments and the creation e-mail", async () => {
    const boundary = "new-1";
    const raw = message(
      {
        From: "Claire Martin <csl.choiseul@guichet.test>",
        To: REPLY,
        Subject: "Imprimante bloquée au CDI",
        "Content-Type": `multipart/mixed; boundary="${boundary}"`,
      },
      [
        `--${boundary}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        "L'imprimante du CDI affiche « bourrage » en permanence.",
        "",
        "-- ",
        "Claire Martin",
        `--${boundary}`,
        'Content-Type: image/png; name="bourrage.png"',
        'Content-Disposition: attachment; filename="bourrage.png"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from(sampleFiles.png()).toString("base64"),
        `--${boundary}--`,
      ].join("\n"),
    );
    await dovecot.deliver(box, raw);
    await pass();
    const [record] = await records(idOf(raw));
    expect(record).toMatchObject({ outcome: "ticket" });
    const [ticket] = await database()
      .select({
        title: tickets.title,
        description: tickets.description,
        channel: tickets.channel,
        flags: tickets.flags,
        requesterId: tickets.requesterId,
        uai: establishments.uai,
        category: categories.code,
        team: teams.code,
        reference: tickets.reference,
      })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .innerJoin(categories, eq(categories.id, tickets.categoryId))
      .leftJoin(teams, eq(teams.id, tickets.assignedTeamId))
      .where(eq(tickets.id, record!.ticketId!));
    expect(ticket).toMatchObject({
      title: "Imprimante bloquée au CDI",
      description: "L'imprimante du CDI affiche « bourrage » en permanence.",
      channel: "mail",
      flags: [],
      requesterId: csl.id,
      uai: "0370037P",
      category: "A-QUALIFIER",
      team: "EQ-E-SD_OPE",
    });
    const files = await database()
      .select({ fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.ticketId, record!.ticketId!));
    expect(files.map((file) => file.fileName)).toEqual(["bourrage.png"]);
    const created = (await mailsTo("csl.choiseul@guichet.test")).find(
      (mail) => mail.subject === `[${ticket!.reference}] Votre demande a été enregistrée`,
    );
    expect(created).toBeDefined();
  });

  test("a contact of several schools: a ticket of the first, flagged à qualifier", async () => {
    const [head] = await database().select({ id: users.id }).from(users).where(eq(users.email, "proviseur.choiseul@guichet.test"));
    const [palissy] = await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0450029M"));
    await database().insert(userEstablishments).values({ userId: head!.id, establishmentId: palissy!.id });
    const raw = message(
      { From: "proviseur.choiseul@guichet.test", To: REPLY, Subject: "TR: Badge perdu" },
      "Un badge d'accès a été perdu.",
    );
    await dovecot.deliver(box, raw);
    await pass();
    const [record] = await records(idOf(raw));
    const [ticket] = await database()
      .select({ flags: tickets.flags, uai: establishments.uai, title: tickets.title })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(eq(tickets.id, record!.ticketId!));
    expect(ticket).toEqual({ flags: ["a_qualifier"], uai: "0370037P", title: "Badge perdu" });
  });

  test("an unknown sender gets one polite answer a day, and nothing is created", async () => {
    const before = await database().select({ id: tickets.id }).from(tickets);
    const first = message(
      { From: "parent@famille.example", To: REPLY, Subject: "Problème ENT" },
      "Bonjour, je n'arrive pas à me connecter.",
    );
    const second = message({ From: "Parent <PARENT@famille.example>", To: REPLY, Subject: "Relance" }, "Toujours bloqué.");
    await dovecot.deliver(box, first);
    await dovecot.deliver(box, second);
    expect(await pass()).toEqual({ handled: 2, failed: 0, skipped: 0 });
    expect(await database().select({ id: tickets.id }).from(tickets)).toHaveLength(before.length);
    const answers = await mailsTo("parent@famille.example");
    expect(answers).toHaveLength(1);
    expect(answers[0]!.subject).toBe("Votre message n'a pas été enregistré");
    expect(answers[0]!.textBody).toContain("déposez votre demande en ligne");
    expect((await records(idOf(first)))[0]).toMatchObject({ outcome: "answered" });
    expect((await records(idOf(second)))[0]).toMatchObject({ outcome: "answered" });
  });

  test("an auto-reply from an unknown robot (Precedence: bulk) is not answered", async () => {
    const raw = message({ From: "newsletter@editeur.example", To: REPLY, Subject: "Nos offres", Precedence: "bulk" }, "Promotions.");
    await dovecot.deliver(box, raw);
    await pass();
    expect(await mailsTo("newsletter@editeur.example")).toEqual([]);
    expect((await records(idOf(raw)))[0]).toMatchObject({ outcome: "ignored", reason: "réponse automatique (Precedence: bulk)" });
  });

  test("a message that cannot be handled goes to Erreurs with the reason, and is not read again", async () => {
    const boundary = "broken";
    const raw = message(
      { From: "csl.choiseul@guichet.test", To: REPLY, Subject: "Pièce jointe", "Content-Type": `multipart/mixed; boundary="${boundary}"` },
      [
        `--${boundary}`,
        "Content-Type: text/plain",
        "",
        "Voir la pièce jointe.",
        `--${boundary}`,
        'Content-Type: image/png; name="a.png"',
        'Content-Disposition: attachment; filename="a.png"',
        "Content-Transfer-Encoding: base64",
        "",
        Buffer.from(sampleFiles.png()).toString("base64"),
        `--${boundary}--`,
      ].join("\n"),
    );
    // The file store is broken (a file where its folder should be): storing the attachment throws.
    await rm(uploadDir, { recursive: true, force: true });
    await writeFile(uploadDir, "pas un dossier");
    try {
      await dovecot.deliver(box, raw);
      const counts = await dovecot.counts(box);
      expect(await pass()).toEqual({ handled: 0, failed: 1, skipped: 0 });
      expect(await dovecot.counts(box)).toMatchObject({ INBOX: 0, Erreurs: (counts.Erreurs ?? 0) + 1 });
      const [record] = await records(idOf(raw));
      expect(record).toMatchObject({ outcome: "failed", reason: expect.stringMatching(/EEXIST|ENOTDIR/) });
      expect(await pass()).toEqual({ handled: 0, failed: 0, skipped: 0 });
    } finally {
      await rm(uploadDir, { force: true });
    }
  });
});

describe("a worker killed between the commit and the move", () => {
  test("handles the message exactly once after its restart", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "guichet-mail-in-crash-"));
    const pauseFile = path.join(dir, "paused");
    const workerEnv = {
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_PREFIX: `guichet_mail_in_worker_${randomBytes(3).toString("hex")}`,
      MAIL_IN_URL: dovecot.urlFor(box),
      MAIL_IN_POLL_SECONDS: "5",
      MAIL_IN_REPLY_ADDRESS: REPLY,
      UPLOAD_DIR: dir,
      SMTP_URL: "",
      NODE_ENV: "test",
    };
    const raw = message({ From: "csl.choiseul@guichet.test", To: REPLY, Subject: "Écran noir en salle 204" }, "L'écran reste noir.");
    await dovecot.deliver(box, raw);
    const first = startWorker({ ...workerEnv, MAIL_IN_TEST_PAUSE_FILE: pauseFile });
    try {
      await expect.poll(() => readFile(pauseFile, "utf8").catch(() => null), { timeout: 60_000, interval: 200 }).not.toBeNull();
      process.kill(-first.pid!, "SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
    } catch (error) {
      process.kill(-first.pid!, "SIGKILL");
      throw error;
    }
    // Committed, not moved.
    expect(await records(idOf(raw))).toEqual([expect.objectContaining({ outcome: "ticket" })]);
    expect((await dovecot.counts(box)).INBOX).toBe(1);

    const second = startWorker(workerEnv);
    try {
      await expect.poll(async () => (await dovecot.counts(box)).INBOX, { timeout: 60_000, interval: 250 }).toBe(0);
    } finally {
      process.kill(-second.pid!, "SIGTERM");
      await new Promise((resolve) => second.once("exit", resolve));
    }
    expect(await records(idOf(raw))).toHaveLength(1);
    expect(await database().select({ id: tickets.id }).from(tickets).where(eq(tickets.title, "Écran noir en salle 204"))).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  }, 150_000);
});
