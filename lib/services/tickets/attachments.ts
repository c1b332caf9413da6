import { randomUUID } from "node:crypto";
import { openAsBlob } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { database, type Executor } from "@/db/client";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { attachments } from "@/db/schema";
import { storedAttachment } from "@/db/queries/ticket-attachments";
import { ATTACHMENT_LIMITS, TOO_MANY_FILES, judgeAttachment } from "@/lib/attachments/policy";
import type { Caller } from "@/lib/domain/caller";
import { canSeeTicket, internalSight, seesAttachment } from "@/lib/domain/ticket-visibility";
import { env } from "@/lib/env";

export type IncomingFile = { name: string; bytes: Uint8Array };
export type AcceptedFile = { fileName: string; contentType: string; bytes: Uint8Array };
/** `message` is the French sentence to show, naming the file. */
export type AttachmentProblem = { file: string; message: string; values: Record<string, string | number> };
export type StoredFile = AcceptedFile & { storageKey: string };

/** The files of a form field; browsers send an empty nameless File when nothing was chosen. */
/**
 * A file input left empty still posts one nameless, empty part; once decoded by the server
 * action its name may read "" or "undefined". A real empty file keeps its name and is refused later.
 */
function isUnchosenInput(file: File): boolean {
  return file.size === 0 && (file.name === "" || file.name === "undefined" || file.name === "blob");
}

export async function filesFromForm(form: FormData, field = "attachments"): Promise<IncomingFile[]> {
  const files = form.getAll(field).filter((value): value is File => value instanceof File && !isUnchosenInput(value));
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** Judges every file of one message; a single refusal refuses the message, so all problems are reported at once. */
export async function inspectAttachments(
  files: IncomingFile[],
): Promise<{ ok: true; files: AcceptedFile[] } | { ok: false; problems: AttachmentProblem[] }> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) return { ok: false, problems: [{ file: "(message)", ...TOO_MANY_FILES }] };

  const verdicts = await Promise.all(
    files.map(async ({ name, bytes }) => {
      // A file too damaged for file-type to parse is judged like one it does not recognise.
      const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
      return { bytes, verdict: judgeAttachment({ name, bytes, detected }) };
    }),
  );
  const problems = verdicts.flatMap(({ verdict }) =>
    verdict.ok ? [] : [{ file: verdict.fileName, message: verdict.message, values: verdict.values }],
  );
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    files: verdicts.flatMap(({ bytes, verdict }) =>
      verdict.ok ? [{ fileName: verdict.fileName, contentType: verdict.contentType, bytes }] : [],
    ),
  };
}

const storagePath = (storageKey: string) => path.resolve(env().UPLOAD_DIR, storageKey);

/** Writes the files under UPLOAD_DIR before the database transaction (storage key `yyyy/mm/<uuid>`, never the user's name). */
export async function storeFiles(files: AcceptedFile[], now: Date): Promise<StoredFile[]> {
  if (!files.length) return [];
  const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  await mkdir(path.resolve(env().UPLOAD_DIR, month), { recursive: true });
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const storedFile = { ...file, storageKey: `${month}/${randomUUID()}` };
      // Listed before writing, so a write that fails halfway is cleaned up too.
      stored.push(storedFile);
      await writeFile(storagePath(storedFile.storageKey), file.bytes, { flag: "wx" });
    }
  } catch (error) {
    await discardStoredFiles(stored);
    throw error;
  }
  return stored;
}

/** Removes files written for a transaction that then failed, or whose record was deleted. */
export async function discardStoredFiles(files: Array<Pick<StoredFile, "storageKey">>): Promise<void> {
  await Promise.all(files.map((file) => rm(storagePath(file.storageKey), { force: true })));
}

/** A Blob over a stored file: a response streams it instead of loading it in memory. */
export const openStoredFile = (storageKey: string): Promise<Blob> => openAsBlob(storagePath(storageKey));

type AttachmentRows = { ticketId: string; eventId: number; uploadedById: string | null; files: StoredFile[] };

/** The INSERT of one attachments row per file, unrun (a filing writes it with the rest of its statement); null without files. */
export function attachmentsInsert(db: Executor, input: AttachmentRows) {
  if (!input.files.length) return null;
  return db.insert(attachments).values(
    input.files.map((file) => ({
      ticketId: input.ticketId,
      eventId: input.eventId,
      uploadedById: input.uploadedById,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      storageKey: file.storageKey,
    })),
  );
}

/** Inside the caller's transaction: one attachments row per file; their ids. */
export async function recordAttachments(tx: Executor, input: AttachmentRows): Promise<string[]> {
  const rows = await attachmentsInsert(tx, input)?.returning({ id: attachments.id });
  return (rows ?? []).map((row) => row.id);
}

/**
 * The attachment's file when the caller may see its ticket (and, for a file of an internal note, that
 * file: all of them for the desk, those shared with it for a vendor); null otherwise, exactly as for an
 * unknown id, so nobody learns it exists.
 */
export async function attachmentForDownload(
  caller: Caller,
  attachmentId: string,
  now: Date,
): Promise<{ fileName: string; contentType: string; file: Blob } | null> {
  const db = database();
  const attachment = await storedAttachment(db, attachmentId);
  if (!attachment) return null;
  const ticket = await ticketFacts(db, { id: attachment.ticketId });
  if (!ticket || !canSeeTicket(caller, ticket, now)) return null;
  if (!seesAttachment(internalSight(caller, ticket, now), { id: attachmentId, eventVisibility: attachment.visibility })) return null;
  return { fileName: attachment.fileName, contentType: attachment.contentType, file: await openStoredFile(attachment.storageKey) };
}
