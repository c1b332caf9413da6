import type { AnnouncementRow } from "@/db/queries/announcements";

/** An announcement as the API answers it (lib/schemas/announcements.ts, announcementSchema). */
export const announcementJson = (announcement: AnnouncementRow) => ({
  id: announcement.id,
  title: announcement.title,
  body: announcement.body,
  kind: announcement.kind,
  startsAt: announcement.startsAt.toISOString(),
  endsAt: announcement.endsAt.toISOString(),
  zones: announcement.zones,
  establishments: announcement.establishments,
  services: announcement.services,
  majorTicket: announcement.majorTicket,
  createdAt: announcement.createdAt.toISOString(),
});
