import { campaignJson } from "@/lib/api/campaign-json";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { createCampaignSchema } from "@/lib/schemas/campaigns";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { createCampaign, listCampaigns } from "@/lib/services/campaigns/campaigns";

export const dynamic = "force-dynamic";

/** GET /api/v1/campaigns → {items}: every equipment campaign, the latest year first (everyone but vendors). */
export const GET = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const listed = await listCampaigns(caller);
  if (!listed.ok) return problemFromFailure(listed.failure);
  const today = parisDay(new Date());
  return Response.json({ items: listed.value.map((campaign) => campaignJson(campaign, today)) });
});

/** POST /api/v1/campaigns {year, phases, catalogue, envelopes, pupilsPerWorkstation?, criteria?} → 201; 409 when the year has one, 422 phases out of order. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = createCampaignSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const created = await createCampaign(caller, parsed.data, auditActor(request.headers, caller));
  if (!created.ok) return problemFromFailure(created.failure);
  return Response.json(campaignJson(created.value, parisDay(new Date())), { status: 201 });
});
