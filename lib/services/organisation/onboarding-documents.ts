import { and, eq, inArray } from "drizzle-orm";
import { database } from "@/db/client";
import { establishments, onboardingDocuments } from "@/db/schema";
import { onboardingDocumentsOf, storedOnboardingDocument } from "@/db/queries/onboarding-documents";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can, onboardingScope } from "@/lib/domain/permissions";
import type { OnboardingDocumentInput } from "@/lib/schemas/organisation";
import { discardStoredFiles, inspectAttachments, openStoredFile, storeFiles, type IncomingFile } from "../tickets/attachments";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { FORBIDDEN, invalidField } from "./shared";

export type OnboardingDocument = {
  id: string;
  meeting: OnboardingDocumentInput["meeting"];
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedBy: string | null;
};

/**
 * Keeps one file with an onboarding meeting (RDV1 to RDV4): judged like a ticket's attachments (the bytes decide
 * the type; images, PDF, text, office documents; 10 Mo), written under UPLOAD_DIR, then recorded with its audit row.
 */
export async function addOnboardingDocument(
  caller: Caller,
  input: OnboardingDocumentInput,
  files: IncomingFile[],
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ id: string }>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  if (files.length !== 1) return invalidField("document", "establishments.errors.chooseFile");
  const inspected = await inspectAttachments(files);
  if (!inspected.ok)
    return fail({
      kind: "invalid",
      message: "establishments.errors.documentRefused",
      errors: inspected.problems.map((problem) => ({ field: "document", message: problem.message, values: problem.values })),
    });

  const stored = await storeFiles(inspected.files, now);
  try {
    const id = await database().transaction(async (tx) => {
      const [school] = await tx
        .update(establishments)
        .set({ updatedAt: now, updatedById: caller.id })
        .where(eq(establishments.uai, input.uai))
        .returning({ id: establishments.id });
      if (!school) return null;
      const [file] = stored;
      const values = { meeting: input.meeting, fileName: file!.fileName, contentType: file!.contentType, sizeBytes: file!.bytes.length };
      const [row] = await tx
        .insert(onboardingDocuments)
        .values({ establishmentId: school.id, ...values, storageKey: file!.storageKey, uploadedById: caller.id, uploadedAt: now })
        .returning({ id: onboardingDocuments.id });
      await recordAudit(tx, actor, {
        action: "onboarding.document_added",
        objectType: "onboarding_document",
        objectId: row!.id,
        after: { uai: input.uai, ...values },
      });
      return row!.id;
    });
    if (!id) {
      await discardStoredFiles(stored);
      return fail({ kind: "not_found" });
    }
    return succeed({ id });
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
}

/** Deletes one document of a school's onboarding (admins), then its file once the deletion is committed. */
export async function deleteOnboardingDocument(
  caller: Caller,
  input: { uai: string; id: string },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<null>> {
  if (!can(caller, "organisation.manage")) return fail(FORBIDDEN);
  const deleted = await database().transaction(async (tx) => {
    // A subquery of the delete below: part of that write, not a read of its own.
    // eslint-disable-next-line no-restricted-syntax
    const ofSchool = tx.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, input.uai));
    const [row] = await tx
      .delete(onboardingDocuments)
      .where(and(eq(onboardingDocuments.id, input.id), inArray(onboardingDocuments.establishmentId, ofSchool)))
      .returning({
        meeting: onboardingDocuments.meeting,
        fileName: onboardingDocuments.fileName,
        contentType: onboardingDocuments.contentType,
        sizeBytes: onboardingDocuments.sizeBytes,
        storageKey: onboardingDocuments.storageKey,
      });
    if (!row) return null;
    await tx.update(establishments).set({ updatedAt: now, updatedById: caller.id }).where(eq(establishments.uai, input.uai));
    const { storageKey, ...before } = row;
    await recordAudit(tx, actor, {
      action: "onboarding.document_deleted",
      objectType: "onboarding_document",
      objectId: input.id,
      before: { uai: input.uai, ...before },
    });
    return { storageKey };
  });
  if (!deleted) return fail({ kind: "not_found" });
  await discardStoredFiles([deleted]);
  return succeed(null);
}

/** A school's onboarding documents, meeting by meeting, oldest first; none for a caller who does not follow its onboarding. */
export async function listOnboardingDocuments(caller: Caller, uai: string): Promise<OnboardingDocument[]> {
  const scope = onboardingScope(caller);
  return scope ? onboardingDocumentsOf(database(), uai, scope) : [];
}

/** The document's file for whoever follows the school's onboarding; null otherwise, exactly as for an unknown id. */
export async function onboardingDocumentForDownload(
  caller: Caller,
  uai: string,
  id: string,
): Promise<{ fileName: string; contentType: string; file: Blob } | null> {
  const scope = onboardingScope(caller);
  const document = scope && (await storedOnboardingDocument(database(), uai, id, scope));
  if (!document) return null;
  return { fileName: document.fileName, contentType: document.contentType, file: await openStoredFile(document.storageKey) };
}
