import { mkdtempSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as downloadDocument } from "@/app/api/v1/establishments/[uai]/documents/[id]/route";
import { database } from "@/db/client";
import { auditEvents, onboardingDocuments, zones } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { AuditActor } from "@/lib/domain/audit";
import { readOnboardingBoard } from "@/lib/services/organisation/onboarding-board";
import {
  addOnboardingDocument,
  deleteOnboardingDocument,
  listOnboardingDocuments,
  onboardingDocumentForDownload,
} from "@/lib/services/organisation/onboarding-documents";
import { tokenFor } from "../support/api-client";
import { callerFor } from "../support/callers";
import { sampleFiles } from "../support/sample-files";

// env() reads UPLOAD_DIR on first use, after this line: this file's documents land in a folder of its own.
const uploadDir = mkdtempSync(path.join(tmpdir(), "guichet-onboarding-"));
process.env.UPLOAD_DIR = uploadDir;

const SCHOOL = "0370037P"; // Choiseul, zone OUEST
const NOW = new Date("2026-03-02T09:00:00Z");
const ACTOR: AuditActor = { userId: null, label: "admin@guichet.test", ip: "192.0.2.7", requestId: "onboarding-documents" };

let admin: Caller;
let tokens: Record<"admin" | "sectorLead" | "technician" | "requester", string>;

/** Every file under UPLOAD_DIR (storage keys are yyyy/mm/<uuid>). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(uploadDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(uploadDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const documentRows = () => database().select().from(onboardingDocuments);
const auditRows = (action: string) => database().select().from(auditEvents).where(eq(auditEvents.action, action));

async function download(token: string, uai: string, id: string) {
  const response = await downloadDocument(
    new Request(`http://localhost/api/v1/establishments/${uai}/documents/${id}`, { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ uai, id }) },
  );
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

beforeAll(async () => {
  admin = await callerFor("admin@guichet.test");
  const [adminToken, sectorLead, technician, requester] = await Promise.all([
    tokenFor("admin@guichet.test"),
    tokenFor("chef.ouest@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("csl.choiseul@guichet.test"),
  ]);
  tokens = { admin: adminToken!, sectorLead: sectorLead!, technician: technician!, requester: requester! };
});
afterAll(async () => {
  await database().delete(onboardingDocuments);
  await rm(uploadDir, { recursive: true, force: true });
});

describe("onboarding documents", () => {
  let documentId: string;

  test("an admin's PDF is stored under UPLOAD_DIR, listed with its meeting, and audited once", async () => {
    const result = await addOnboardingDocument(
      admin,
      { uai: SCHOOL, meeting: "rdv1" },
      [{ name: "compte rendu RDV1.pdf", bytes: sampleFiles.pdf() }],
      NOW,
      ACTOR,
    );
    expect(result.ok).toBe(true);
    documentId = result.ok ? result.value.id : "";

    const [row] = await documentRows();
    expect(row).toMatchObject({
      id: documentId,
      meeting: "rdv1",
      fileName: "compte rendu RDV1.pdf",
      contentType: "application/pdf",
      sizeBytes: sampleFiles.pdf().length,
      uploadedById: admin.id,
    });
    expect(row!.storageKey).toMatch(/^2026\/03\/[0-9a-f-]{36}$/);
    expect(await storedFiles()).toEqual([row!.storageKey]);
    expect(new Uint8Array(await readFile(path.join(uploadDir, row!.storageKey)))).toEqual(sampleFiles.pdf());

    expect(await listOnboardingDocuments(admin, SCHOOL)).toEqual([
      expect.objectContaining({ id: documentId, meeting: "rdv1", fileName: "compte rendu RDV1.pdf", uploadedBy: admin.name }),
    ]);
    const audits = await auditRows("onboarding.document_added");
    expect(audits).toEqual([
      expect.objectContaining({ objectType: "onboarding_document", objectId: documentId, actorLabel: "admin@guichet.test" }),
    ]);
  });

  test.each([
    [
      "a disguised executable",
      { name: "convention.pdf", bytes: sampleFiles.exe() },
      { message: "tickets.attachments.notAccepted", values: { file: "convention.pdf" } },
    ],
    [
      "a file over 10 Mo",
      { name: "audit.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) },
      { message: "tickets.attachments.tooLarge", values: { file: "audit.pdf", max: 10 } },
    ],
  ])("%s is refused, naming the file, and nothing is written", async (_, file, refusal) => {
    const before = { rows: await documentRows(), files: await storedFiles(), audits: await auditRows("onboarding.document_added") };
    const result = await addOnboardingDocument(admin, { uai: SCHOOL, meeting: "rdv2" }, [file], NOW, ACTOR);
    expect(result).toEqual({
      ok: false,
      failure: { kind: "invalid", message: "establishments.errors.documentRefused", errors: [{ field: "document", ...refusal }] },
    });
    expect({ rows: await documentRows(), files: await storedFiles(), audits: await auditRows("onboarding.document_added") }).toEqual(
      before,
    );
  });

  test("no file, a non-admin and an unknown school are refused without writing", async () => {
    const files = [{ name: "plan.pdf", bytes: sampleFiles.pdf() }];
    expect(await addOnboardingDocument(admin, { uai: SCHOOL, meeting: "rdv2" }, [], NOW, ACTOR)).toEqual({
      ok: false,
      failure: {
        kind: "invalid",
        message: "forms.errors.checkFields",
        errors: [{ field: "document", message: "establishments.errors.chooseFile" }],
      },
    });
    const sectorLead = await addOnboardingDocument(
      await callerFor("chef.ouest@guichet.test"),
      { uai: SCHOOL, meeting: "rdv2" },
      files,
      NOW,
      ACTOR,
    );
    expect(sectorLead).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await addOnboardingDocument(admin, { uai: "0371234R", meeting: "rdv2" }, files, NOW, ACTOR)).toEqual({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await documentRows()).toHaveLength(1);
    expect(await storedFiles()).toHaveLength(1);
  });

  test("the admin and the zone's sector lead download it with the attachments' headers", async () => {
    for (const token of [tokens.admin, tokens.sectorLead]) {
      const answer = await download(token, SCHOOL, documentId);
      expect(answer.status).toBe(200);
      expect(answer.bytes).toEqual(sampleFiles.pdf());
      expect(answer.headers.get("content-type")).toBe("application/pdf");
      expect(answer.headers.get("content-disposition")).toBe(
        "attachment; filename=\"compte rendu RDV1.pdf\"; filename*=UTF-8''compte%20rendu%20RDV1.pdf",
      );
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("content-security-policy")).toBe("sandbox");
    }
  });

  test("a technician, a requester, another zone's sector lead and the wrong school get 404", async () => {
    expect((await download(tokens.technician, SCHOOL, documentId)).status).toBe(404);
    expect((await download(tokens.requester, SCHOOL, documentId)).status).toBe(404);
    expect((await download(tokens.admin, "0450029M", documentId)).status).toBe(404);

    const [otherZone] = await database().select({ id: zones.id }).from(zones).where(ne(zones.code, "OUEST")).limit(1);
    const otherLead: Caller = { ...(await callerFor("chef.ouest@guichet.test")), zoneId: otherZone!.id };
    expect(await onboardingDocumentForDownload(otherLead, SCHOOL, documentId)).toBeNull();
    expect(await listOnboardingDocuments(otherLead, SCHOOL)).toEqual([]);
    expect(await onboardingDocumentForDownload(await callerFor("chef.ouest@guichet.test"), SCHOOL, documentId)).not.toBeNull();
  });

  test("the onboarding board lists it under its meeting for the zone's sector lead, not for another zone's", async () => {
    const board = await readOnboardingBoard(await callerFor("chef.ouest@guichet.test"));
    expect(board!.schools.find((school) => school.uai === SCHOOL)!.documents).toEqual([
      expect.objectContaining({ id: documentId, meeting: "rdv1", fileName: "compte rendu RDV1.pdf" }),
    ]);
    const [otherZone] = await database().select({ id: zones.id }).from(zones).where(ne(zones.code, "OUEST")).limit(1);
    const otherBoard = await readOnboardingBoard({ ...(await callerFor("chef.ouest@guichet.test")), zoneId: otherZone!.id });
    expect(otherBoard!.schools.map((school) => school.uai)).not.toContain(SCHOOL);
  });

  test("only an admin deletes it: the row, the file and one audit row go; a second deletion finds nothing", async () => {
    const input = { uai: SCHOOL, id: documentId };
    expect(await deleteOnboardingDocument(await callerFor("chef.ouest@guichet.test"), input, NOW, ACTOR)).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await deleteOnboardingDocument(admin, { uai: "0450029M", id: documentId }, NOW, ACTOR)).toEqual({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await documentRows()).toHaveLength(1);

    expect(await deleteOnboardingDocument(admin, input, NOW, ACTOR)).toEqual({ ok: true, value: null });
    expect(await documentRows()).toEqual([]);
    expect(await storedFiles()).toEqual([]);
    expect(await auditRows("onboarding.document_deleted")).toEqual([
      expect.objectContaining({
        objectType: "onboarding_document",
        objectId: documentId,
        before: expect.objectContaining({ uai: SCHOOL, meeting: "rdv1", fileName: "compte rendu RDV1.pdf" }),
      }),
    ]);
    expect((await download(tokens.admin, SCHOOL, documentId)).status).toBe(404);
    expect(await deleteOnboardingDocument(admin, input, NOW, ACTOR)).toEqual({ ok: false, failure: { kind: "not_found" } });
    expect(
      await database()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "onboarding.document_deleted"))),
    ).toHaveLength(1);
  });
});
