import { eq } from "drizzle-orm";
import { announcementsBackedBy, groupedOpenTickets } from "@/db/queries/announcements";
import { announcements, tickets } from "@/db/schema";
import { endOnResolution } from "@/lib/domain/announcements";
import { isOpen } from "@/lib/domain/ticket-status";
import { recordEndMails } from "../announcements/announcement-mail";
import { refuse } from "../refusal";
import { lockTicket, transitionTicket } from "../tickets/ticket-transition";
import { journal } from "./merge-and-link";
import type { DeskContext, LockedTicket } from "./workable-ticket";

/**
 * "Rattacher à l'incident majeur": a ticket filed about an announced outage joins the major-incident ticket behind it,
 * and is resolved with it. Both journals say so (internal, like a link).
 */
export async function groupUnderMajorIncident(context: DeskContext, ticket: LockedTicket, major: LockedTicket): Promise<void> {
  if (major.id === ticket.id)
    refuse({
      kind: "unprocessable",
      message: "announcements.errors.groupSelf",
      errors: [{ field: "major", message: "announcements.errors.groupSelf" }],
    });
  const backed = await announcementsBackedBy(context.tx, major.id);
  if (!isOpen(major.status) || !backed.some((announcement) => announcement.endsAt.getTime() > context.now.getTime()))
    refuse({
      kind: "unprocessable",
      message: "announcements.errors.notMajor",
      errors: [{ field: "major", message: "announcements.errors.notMajor" }],
    });
  if (!isOpen(ticket.status)) refuse({ kind: "conflict", message: "announcements.errors.groupClosed" });
  await context.tx.update(tickets).set({ majorIncidentId: major.id, updatedAt: context.now }).where(eq(tickets.id, ticket.id));
  await journal(context, ticket.id, "linked", "internal", { related: major.reference, majorIncident: true });
  await journal(context, major.id, "linked", "internal", { related: ticket.reference, groupedTicket: true });
}

/**
 * Inside the resolution of a major incident: each open ticket it groups is resolved with the same public message (one
 * "resolved" e-mail to each requester, as any resolution), and the outages it backs end now, their end mailed to the
 * concerned schools and to those who said they were concerned. All in the resolving transaction.
 */
export async function resolveMajorIncident(context: DeskContext, major: LockedTicket, message?: string): Promise<void> {
  const { tx, now } = context;
  for (const grouped of await groupedOpenTickets(tx, major.id)) {
    const locked = await lockTicket(tx, grouped.id);
    const eventId = await transitionTicket(tx, locked, "resolved", context.caller.id, now, message);
    if (eventId === null) continue; // resolved meanwhile (the lock waited for it)
    context.touched.add(grouped.id);
    context.notify({ kind: "resolved", ticketId: grouped.id, eventId });
  }
  for (const announcement of await announcementsBackedBy(tx, major.id)) {
    const endsAt = endOnResolution(announcement, now);
    if (endsAt !== announcement.endsAt) await tx.update(announcements).set({ endsAt }).where(eq(announcements.id, announcement.id));
    context.mail((await recordEndMails(tx, announcement.id, now)) ?? []);
  }
}
