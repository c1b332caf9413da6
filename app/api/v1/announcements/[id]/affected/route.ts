import { z } from "zod";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { reportAffectedSchema } from "@/lib/schemas/announcements";
import { reportAffected } from "@/lib/services/announcements/report-affected";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/announcements/{id}/affected [{establishment}] → the caller's school follows the announced incident (school
 * staff only; 404 when it does not concern their school); 201 the first time, 200 after (idempotent).
 */
export const POST = apiRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return notFound();
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = reportAffectedSchema.safeParse((await jsonBody(request)) ?? {});
  if (!parsed.success) return invalidRequest(parsed.error);
  const reported = await reportAffected(caller, id, new Date(), parsed.data.establishment);
  if (!reported.ok) return problemFromFailure(reported.failure);
  return Response.json(reported.value, { status: reported.value.created ? 201 : 200 });
});
