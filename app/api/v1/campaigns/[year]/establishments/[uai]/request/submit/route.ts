import { campaignSchool, requestJson } from "@/lib/api/campaign-json";
import { notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { submitQuestionnaire } from "@/lib/services/campaigns/questionnaire";

export const dynamic = "force-dynamic";

/**
 * POST …/campaigns/{year}/establishments/{uai}/request/submit → the questionnaire submitted (approved at once when
 * the head submits; the head's submit approves a colleague's). 409 outside the survey; 403/404 for anyone but the school's staff.
 */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ year: string; uai: string }> }) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const target = await campaignSchool(params);
  if (!target) return notFound();
  const submitted = await submitQuestionnaire(caller, target.year, target.uai, new Date(), auditActor(request.headers, caller));
  if (!submitted.ok) return problemFromFailure(submitted.failure);
  return Response.json(requestJson(submitted.value));
});
