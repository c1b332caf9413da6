import { database } from "@/db/client";
import { listAnnouncements, reportedSchools, schoolPlaces, type AnnouncementRow } from "@/db/queries/announcements";
import type { Caller } from "@/lib/domain/caller";
import { announcementPhase } from "@/lib/domain/announcements";
import { can } from "@/lib/domain/permissions";

/** Whose announcements a caller reads: a school's staff those concerning their schools, the Région's and Académie's staff all. */
async function placesOf(caller: Caller) {
  if (can(caller, "establishments.read_all")) return null;
  return schoolPlaces(database(), caller.establishmentIds);
}

/** The announcements a caller may read (GET /api/v1/announcements, /etat-des-services). Everyone signed in reads them. */
export async function announcementsFor(caller: Caller, when: "active" | "open" | "all", now: Date): Promise<AnnouncementRow[]> {
  return listAnnouncements(database(), { places: await placesOf(caller), when, now });
}

export type Banner = AnnouncementRow & { reported: boolean };

/**
 * The banners of the announcements on now that concern the caller (and the service, on a filing form): school staff see
 * those of their schools, with whether their school already said it is concerned; the Région's and Académie's staff all.
 */
export async function bannersFor(caller: Caller, now: Date, serviceCode?: string): Promise<{ banners: Banner[]; canReport: boolean }> {
  const places = await placesOf(caller);
  const rows = await listAnnouncements(database(), { places, when: "active", now, serviceCode });
  const reported = await reportedSchools(
    database(),
    rows.map((row) => row.id),
    places?.map((place) => place.id) ?? [],
  );
  return {
    banners: rows.map((row) => ({ ...row, reported: reported.some((report) => report.announcementId === row.id) })),
    canReport: can(caller, "announcements.report"),
  };
}

/** /etat-des-services: what is on now and what is to come, for the caller; and whether they may publish. */
export async function serviceStatus(caller: Caller, now: Date) {
  const open = await announcementsFor(caller, "open", now);
  return {
    current: open.filter((announcement) => announcementPhase(announcement, now) === "current"),
    planned: open.filter((announcement) => announcementPhase(announcement, now) === "planned"),
    canPublish: can(caller, "announcements.publish"),
  };
}
