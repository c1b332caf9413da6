import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as downloadAttachment } from "@/app/api/v1/attachments/[id]/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { database } from "@/db/client";
import { attachments, categories, establishments, services, ticketEvents, tickets, users } from "@/db/schema";
import { translateText } from "@/i18n/text";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { listTicketAttachments } from "@/db/queries/ticket-attachments";
import {
  discardStoredFiles,
  filesFromForm,
  inspectAttachments,
  recordAttachments,
  storeFiles,
  type AcceptedFile,
  type IncomingFile,
} from "@/lib/services/tickets/attachments";
import { sampleFiles } from "@/tests/support/sample-files";

// env() reads UPLOAD_DIR on first use, after this line: every file of this test lands in a folder of its own.
const uploadDir = mkdtempSync(path.join(tmpdir(), "guichet-uploads-"));
process.env.UPLOAD_DIR = uploadDir;

afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const NOT_ACCEPTED = "ce type de fichier n'est pas accepté (images, PDF, texte, documents bureautiques).";
const inspectOk = async (files: IncomingFile[]) => {
  const result = await inspectAttachments(files);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.files;
};

describe("inspectAttachments", () => {
  test("accepts images, PDF, text and office documents, typed by their content", async () => {
    const files = await inspectOk([
      { name: "capture écran.png", bytes: sampleFiles.png() },
      { name: "devis.pdf", bytes: sampleFiles.pdf() },
      { name: "notes.txt", bytes: sampleFiles.text() },
      { name: "rapport.docx", bytes: sampleFiles.docx() },
    ]);
    expect(files.map(({ fileName, contentType }) => [fileName, contentType])).toEqual([
      ["capture écran.png", "image/png"],
      ["devis.pdf", "application/pdf"],
      ["notes.txt", "text/plain; charset=utf-8"],
      ["rapport.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ]);
  });

  test.each([
    ["an executable", "rapport.exe", sampleFiles.exe(), `« rapport.exe » : ${NOT_ACCEPTED}`],
    ["a file over 10 Mo", "scan.pdf", new Uint8Array(10 * 1024 * 1024 + 1), "« scan.pdf » : fichier trop volumineux (10 Mo au plus)."],
    ["an empty file", "vide.txt", new Uint8Array(0), "« vide.txt » : fichier vide."],
    ["a PNG named .pdf", "photo.pdf", sampleFiles.png(), "« photo.pdf » : son contenu ne correspond pas à l'extension .pdf."],
  ])("refuses the whole message for %s, naming the file", async (_, name, bytes, message) => {
    const result = await inspectAttachments([
      { name: "ok.png", bytes: sampleFiles.png() },
      { name, bytes },
    ]);
    expect(
      result.ok
        ? result
        : result.problems.map((problem) => ({ file: problem.file, message: translateText(problem.message, problem.values) })),
    ).toEqual([{ file: name, message }]);
  });

  test("refuses a sixth file", async () => {
    const six = Array.from({ length: 6 }, (_, index) => ({ name: `photo-${index}.png`, bytes: sampleFiles.png() }));
    expect(await inspectAttachments(six)).toEqual({
      ok: false,
      problems: [{ file: "(message)", message: "tickets.attachments.tooMany", values: { max: 5 } }],
    });
  });

  test("filesFromForm skips the empty input a browser sends when nothing was chosen", async () => {
    const form = new FormData();
    form.append("attachments", new File([], ""));
    form.append("attachments", new File([sampleFiles.png()], "capture.png", { type: "application/pdf" }));
    form.append("attachments", "not a file");
    const files = await filesFromForm(form);
    expect(files).toEqual([{ name: "capture.png", bytes: sampleFiles.png() }]);
  });
});

type Seeded = { requesterId: string; adminId: string; establishmentId: string; serviceId: string; categoryId: string };
let seeded: Seeded;

beforeAll(async () => {
  const db = database();
  const idOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const [establishment] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"));
  const [service] = await db.select({ id: services.id }).from(services).where(eq(services.code, "POSTE"));
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, "POSTE-PANNE"));
  seeded = {
    requesterId: await idOf("csl.choiseul@guichet.test"),
    adminId: await idOf("admin@guichet.test"),
    establishmentId: establishment!.id,
    serviceId: service!.id,
    categoryId: category!.id,
  };
});

/** A Choiseul ticket with one message of the given visibility, its files stored and recorded. */
async function ticketWithFiles(files: AcceptedFile[], visibility: "public" | "internal" = "public") {
  const stored = await storeFiles(files, new Date());
  return database().transaction(async (tx) => {
    const [ticket] = await tx
      .insert(tickets)
      .values({
        reference: `GU-2099-${randomBytes(4).toString("hex")}`,
        type: "incident",
        priority: "P3",
        impact: "individual",
        urgency: "low",
        title: "Écran noir en salle B12",
        description: "Le poste du professeur ne démarre plus.",
        establishmentId: seeded.establishmentId,
        requesterId: seeded.requesterId,
        serviceId: seeded.serviceId,
        categoryId: seeded.categoryId,
      })
      .returning({ id: tickets.id });
    const [event] = await tx
      .insert(ticketEvents)
      .values({ ticketId: ticket!.id, kind: "comment", visibility, authorId: seeded.requesterId, body: "Voir pièces jointes." })
      .returning({ id: ticketEvents.id });
    await recordAttachments(tx, { ticketId: ticket!.id, eventId: event!.id, uploadedById: seeded.requesterId, files: stored });
    const ids = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.ticketId, ticket!.id))
      .orderBy(attachments.fileName);
    return { ticketId: ticket!.id, eventId: event!.id, stored, attachmentIds: ids.map((row) => row.id) };
  });
}

describe("storing and recording", () => {
  test("files land under UPLOAD_DIR by month and random id, and discarding removes them", async () => {
    const files = await inspectOk([
      { name: "capture.png", bytes: sampleFiles.png() },
      { name: "notes.txt", bytes: sampleFiles.text() },
    ]);
    const stored = await storeFiles(files, new Date("2026-01-15T23:30:00Z"));
    expect(stored.map((file) => file.storageKey)).toEqual([
      expect.stringMatching(/^2026\/01\/[0-9a-f-]{36}$/),
      expect.stringMatching(/^2026\/01\/[0-9a-f-]{36}$/),
    ]);
    for (const file of stored) expect(new Uint8Array(await readFile(path.join(uploadDir, file.storageKey)))).toEqual(file.bytes);

    await discardStoredFiles(stored);
    for (const file of stored) expect(existsSync(path.join(uploadDir, file.storageKey))).toBe(false);
  });

  test("rows are written in the caller's transaction and listed for the ticket page", async () => {
    const files = await inspectOk([
      { name: "photo.png", bytes: sampleFiles.png() },
      { name: "devis.pdf", bytes: sampleFiles.pdf() },
    ]);
    const { ticketId, eventId, stored } = await ticketWithFiles(files);
    const listed = await listTicketAttachments(database(), ticketId);
    expect(
      listed.map(({ fileName, contentType, sizeBytes, eventId: listedEventId }) => ({
        fileName,
        contentType,
        sizeBytes,
        eventId: listedEventId,
      })),
    ).toEqual([
      { fileName: "devis.pdf", contentType: "application/pdf", sizeBytes: sampleFiles.pdf().length, eventId },
      { fileName: "photo.png", contentType: "image/png", sizeBytes: sampleFiles.png().length, eventId },
    ]);
    const [row] = await database().select().from(attachments).where(eq(attachments.id, listed[0]!.id));
    expect(row).toMatchObject({
      ticketId,
      uploadedById: seeded.requesterId,
      storageKey: stored.find((file) => file.fileName === "devis.pdf")!.storageKey,
    });
  });

  test("files of internal notes are listed only when asked for", async () => {
    const { ticketId } = await ticketWithFiles(await inspectOk([{ name: "diagnostic.txt", bytes: sampleFiles.text() }]), "internal");
    expect(await listTicketAttachments(database(), ticketId)).toEqual([]);
    expect(await listTicketAttachments(database(), ticketId, { kind: "all" })).toHaveLength(1);
  });

  test("a failed transaction leaves no row, and its files are discarded", async () => {
    const stored = await storeFiles(await inspectOk([{ name: "photo.png", bytes: sampleFiles.png() }]), new Date());
    const failure = database().transaction(async (tx) => {
      const [event] = await tx.select({ id: ticketEvents.id, ticketId: ticketEvents.ticketId }).from(ticketEvents).limit(1);
      await recordAttachments(tx, { ticketId: event!.ticketId, eventId: event!.id, uploadedById: null, files: stored });
      throw new Error("later step failed");
    });
    await expect(failure).rejects.toThrow("later step failed");
    await discardStoredFiles(stored);
    expect(await database().select().from(attachments).where(eq(attachments.storageKey, stored[0]!.storageKey))).toEqual([]);
    expect(existsSync(path.join(uploadDir, stored[0]!.storageKey))).toBe(false);
  });
});

describe("GET /api/v1/attachments/:id", () => {
  const BASE = "http://localhost:3000/api/v1";
  let ipSuffix = 0;

  async function tokenFor(email: string) {
    const response = await createToken(
      new Request(`${BASE}/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${200 + ipSuffix++}` },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      }),
      {} as never,
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  }

  const download = (id: string, token?: string, query = "") =>
    downloadAttachment(new Request(`${BASE}/attachments/${id}${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), {
      params: Promise.resolve({ id }),
    });

  let publicFile: string;
  let internalFile: string;
  beforeAll(async () => {
    publicFile = (await ticketWithFiles(await inspectOk([{ name: "Relevé (élèves).png", bytes: sampleFiles.png() }]))).attachmentIds[0]!;
    internalFile = (await ticketWithFiles(await inspectOk([{ name: "diagnostic.txt", bytes: sampleFiles.text() }]), "internal"))
      .attachmentIds[0]!;
  });

  test("the school's requester gets the exact bytes, as a private download that is never sniffed", async () => {
    const response = await download(publicFile, await tokenFor("csl.choiseul@guichet.test"));
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(sampleFiles.png());
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(sampleFiles.png().length),
      "content-disposition": `attachment; filename="Releve (eleves).png"; filename*=UTF-8''Relev%C3%A9%20%28%C3%A9l%C3%A8ves%29.png`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
  });

  test("?inline=1 shows an image in the browser", async () => {
    const response = await download(publicFile, await tokenFor("proviseur.choiseul@guichet.test"), "?inline=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("another school's requester gets 404, as if it did not exist", async () => {
    const response = await download(publicFile, await tokenFor("csl.palissy@guichet.test"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  test("a file of an internal note is hidden from the school but served to the desk", async () => {
    expect((await download(internalFile, await tokenFor("csl.choiseul@guichet.test"))).status).toBe(404);
    const response = await download(internalFile, await tokenFor("admin@guichet.test"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(new TextDecoder().decode(sampleFiles.text()));
  });

  test("401 without credentials", async () => {
    const response = await download(publicFile);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });

  test.each([
    ["an unknown id", randomUUID()],
    ["a malformed id", "pas-un-identifiant"],
  ])("404 for %s", async (_, id) => {
    expect((await download(id, await tokenFor("admin@guichet.test"))).status).toBe(404);
  });
});
