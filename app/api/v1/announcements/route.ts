import { announcementJson } from "@/lib/api/announcement-json";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { announcementListQuerySchema, publishAnnouncementSchema } from "@/lib/schemas/announcements";
import { announcementsFor } from "@/lib/services/announcements/list-announcements";
import { publishAnnouncement } from "@/lib/services/announcements/publish-announcement";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const dynamic = "force-dynamic";

/** GET /api/v1/announcements[?active=true] → {items}: a school's staff get those concerning their schools; others all. */
export const GET = apiRoute(async (request: Request) => {
  const query = announcementListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidRequest(query.error);
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const items = await announcementsFor(caller, query.data.active ? "active" : "all", new Date());
  return Response.json({ items: items.map(announcementJson) });
});

/** POST /api/v1/announcements {title, body, kind, startsAt, endsAt, zones, establishments, services, majorTicket?} → 201. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = publishAnnouncementSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const published = await publishAnnouncement(caller, parsed.data, auditActor(request.headers, caller), new Date());
  if (!published.ok) return problemFromFailure(published.failure);
  return Response.json(announcementJson(published.value), {
    status: 201,
    headers: { location: `/api/v1/announcements/${published.value.id}` },
  });
});
