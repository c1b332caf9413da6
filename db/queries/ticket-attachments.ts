import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { attachments, ticketEvents } from "@/db/schema";
import type { InternalSight } from "@/lib/domain/ticket-visibility";

export type AttachmentSummary = { id: string; eventId: number; fileName: string; contentType: string; sizeBytes: number };

/** Files of public messages, and of internal ones as far as the sight goes. */
function attachmentSight(sight: InternalSight) {
  const isPublic = eq(ticketEvents.visibility, "public");
  if (sight.kind === "all") return undefined;
  if (sight.kind === "none" || !sight.attachmentIds.length) return isPublic;
  return or(isPublic, inArray(attachments.id, sight.attachmentIds));
}

/**
 * Attachment metadata for a ticket page, oldest message first. Files of internal notes are left
 * out unless the caller's sight includes them (`internalSight(caller, …)`), so forgetting cannot leak them.
 */
export async function listTicketAttachments(
  db: Executor,
  ticketId: string,
  sight: InternalSight = { kind: "none" },
): Promise<AttachmentSummary[]> {
  return (
    db
      .select({
        id: attachments.id,
        eventId: attachments.eventId,
        fileName: attachments.fileName,
        contentType: attachments.contentType,
        sizeBytes: attachments.sizeBytes,
      })
      .from(attachments)
      .innerJoin(ticketEvents, eq(ticketEvents.id, attachments.eventId))
      .where(and(eq(attachments.ticketId, ticketId), attachmentSight(sight)))
      // One message's files share created_at (the transaction's time): name order keeps the list stable.
      .orderBy(asc(attachments.createdAt), asc(attachments.eventId), asc(attachments.fileName))
  );
}

/** Where an attachment is stored and whether its message is public: the download checks sight against it. */
export async function storedAttachment(db: Executor, attachmentId: string) {
  const [attachment] = await db
    .select({
      ticketId: attachments.ticketId,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      storageKey: attachments.storageKey,
      visibility: ticketEvents.visibility,
    })
    .from(attachments)
    .innerJoin(ticketEvents, eq(ticketEvents.id, attachments.eventId))
    .where(eq(attachments.id, attachmentId));
  return attachment ?? null;
}
