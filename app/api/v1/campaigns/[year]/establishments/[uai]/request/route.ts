import { campaignSchool, requestJson } from "@/lib/api/campaign-json";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { saveRequestSchema } from "@/lib/schemas/campaigns";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readQuestionnaire, saveQuestionnaire } from "@/lib/services/campaigns/questionnaire";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ year: string; uai: string }> };

/** GET …/campaigns/{year}/establishments/{uai}/request → the school's questionnaire, pre-filled from its inventory (404 when hidden). */
export const GET = apiRoute(async (request: Request, { params }: Params) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const target = await campaignSchool(params);
  if (!target) return notFound();
  const view = await readQuestionnaire(caller, target.year, target.uai, new Date());
  if (!view.ok) return problemFromFailure(view.failure);
  return Response.json(requestJson(view.value));
});

/** PUT …/request {pupils?, notes?, lines} → the draft with its lines replaced (the school's staff, during the survey; else 403/404/409). */
export const PUT = apiRoute(async (request: Request, { params }: Params) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const target = await campaignSchool(params);
  if (!target) return notFound();
  const parsed = saveRequestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const saved = await saveQuestionnaire(caller, target.year, target.uai, parsed.data, new Date(), auditActor(request.headers, caller));
  if (!saved.ok) return problemFromFailure(saved.failure);
  return Response.json(requestJson(saved.value));
});
