import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { vendorAccess } from "@/db/schema";

/** Opens a vendor's access to a ticket escalated to it, with what the technician shared (lib/domain/vendor-access.ts). */
export async function grantVendorAccess(
  tx: Executor,
  input: { ticketId: string; teamId: string; now: Date; sharedEventIds: number[]; sharedAttachmentIds: string[] },
): Promise<void> {
  await tx.insert(vendorAccess).values({
    ticketId: input.ticketId,
    teamId: input.teamId,
    grantedAt: input.now,
    sharedEventIds: [...new Set(input.sharedEventIds)],
    sharedAttachmentIds: [...new Set(input.sharedAttachmentIds)],
  });
}

/** Adds a vendor's own message (and its files) to what it reads, on its teams' running accesses to the ticket. */
export async function shareWithVendor(
  tx: Executor,
  input: { ticketId: string; teamIds: string[]; eventId: number; attachmentIds: string[] },
): Promise<void> {
  if (!input.teamIds.length) return;
  await tx
    .update(vendorAccess)
    .set({
      sharedEventIds: sql`array_append(${vendorAccess.sharedEventIds}, ${input.eventId}::bigint)`,
      // One array parameter (an array literal of uuids), not a list of parameters.
      sharedAttachmentIds: sql`${vendorAccess.sharedAttachmentIds} || ${`{${input.attachmentIds.join(",")}}`}::uuid[]`,
    })
    .where(and(eq(vendorAccess.ticketId, input.ticketId), inArray(vendorAccess.teamId, input.teamIds), isNull(vendorAccess.endedAt)));
}

/** The vendor's wait is over (handed back, moved on by the Région's team, escalated elsewhere): its access turns read-only. */
export async function endVendorAccess(tx: Executor, ticketId: string, now: Date): Promise<void> {
  await tx
    .update(vendorAccess)
    .set({ endedAt: now })
    .where(and(eq(vendorAccess.ticketId, ticketId), isNull(vendorAccess.endedAt)));
}
