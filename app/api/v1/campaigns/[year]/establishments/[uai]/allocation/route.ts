import { campaignSchool, requestJson } from "@/lib/api/campaign-json";
import { invalidRequest, notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { allocationSchema } from "@/lib/schemas/campaigns";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { allocateRequest } from "@/lib/services/campaigns/allocation";

export const dynamic = "force-dynamic";

/**
 * PUT …/campaigns/{year}/establishments/{uai}/allocation {lines: [{id, granted, reason?}]} → the questionnaire with its
 * allocation (the zone's sector lead, the service lead, admins; during the analysis). 422 beyond the zone's envelope
 * or a cut without a reason; 409 outside the analysis or on a request the head has not approved.
 */
export const PUT = apiRoute(async (request: Request, { params }: { params: Promise<{ year: string; uai: string }> }) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const target = await campaignSchool(params);
  if (!target) return notFound();
  const parsed = allocationSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const allocated = await allocateRequest(caller, target.year, target.uai, parsed.data, new Date(), auditActor(request.headers, caller));
  if (!allocated.ok) return problemFromFailure(allocated.failure);
  return Response.json(requestJson(allocated.value));
});
