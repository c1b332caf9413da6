import { announcementById, type AnnouncementRow } from "@/db/queries/announcements";
import { missingCodes } from "@/db/queries/codes";
import { ticketFacts } from "@/db/queries/ticket-facts";
import { announcements, establishments, services, zones } from "@/db/schema";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { isOpen } from "@/lib/domain/ticket-status";
import type { PublishAnnouncementInput } from "@/lib/schemas/announcements";
import { afterCommit } from "../after-commit";
import { recordAudit } from "../audit/record-audit";
import { refusableTransaction, refuse } from "../refusal";
import { fail, succeed, type ServiceResult } from "../service-result";
import { lockTicket } from "../tickets/ticket-transition";
import { recordPublishedMails } from "./announcement-mail";

export const ANNOUNCEMENTS_FORBIDDEN = { kind: "forbidden", message: "announcements.errors.forbidden" } as const;

function unknownCode(field: string, message: string, values: Record<string, string>): never {
  refuse({ kind: "unprocessable", message: "announcements.errors.checkFields", errors: [{ field, message, values }] });
}

/**
 * Publishes an announcement (the Région and the Académie): codes checked (422 naming the field), audited, and the
 * concerned schools' staff mailed once through the outbox, in the same transaction; the mails are enqueued after commit.
 */
export async function publishAnnouncement(
  caller: Caller,
  input: PublishAnnouncementInput,
  actor: AuditActor,
  now: Date,
): Promise<ServiceResult<AnnouncementRow>> {
  if (!can(caller, "announcements.publish")) return fail(ANNOUNCEMENTS_FORBIDDEN);
  const scope = {
    zones: [...new Set(input.zones)].sort(),
    establishments: [...new Set(input.establishments)].sort(),
    services: [...new Set(input.services)].sort(),
  };
  const done = await refusableTransaction(async (tx) => {
    const [zone] = await missingCodes(tx, zones, zones.code, scope.zones);
    if (zone) unknownCode("zones", "announcements.errors.unknownZone", { code: zone });
    const [uai] = await missingCodes(tx, establishments, establishments.uai, scope.establishments);
    if (uai) unknownCode("establishments", "announcements.errors.unknownSchool", { uai });
    const [service] = await missingCodes(tx, services, services.code, scope.services);
    if (service) unknownCode("services", "announcements.errors.unknownService", { code: service });
    let majorTicketId: string | null = null;
    if (input.majorTicket) {
      const major = await ticketFacts(tx, { reference: input.majorTicket });
      if (!major) unknownCode("majorTicket", "announcements.errors.unknownTicket", { reference: input.majorTicket });
      // Locked: the major ticket cannot be resolved while the announcement it backs is being published.
      if (!isOpen((await lockTicket(tx, major.id)).status))
        unknownCode("majorTicket", "announcements.errors.majorTicketClosed", { reference: input.majorTicket });
      majorTicketId = major.id;
    }
    const [row] = await tx
      .insert(announcements)
      .values({
        title: input.title,
        body: input.body,
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        ...scope,
        majorTicketId,
        createdById: caller.id,
        createdAt: now,
      })
      .returning({ id: announcements.id });
    await recordAudit(tx, actor, {
      action: "announcement.published",
      objectType: "announcement",
      objectId: row!.id,
      after: { ...input, ...scope, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() },
    });
    return { announcement: (await announcementById(tx, row!.id))!, outboxIds: await recordPublishedMails(tx, row!.id, now) };
  });
  if (!done.ok) return done;
  await afterCommit({ outboxIds: done.value.outboxIds });
  return succeed(done.value.announcement);
}
