import { campaignJson } from "@/lib/api/campaign-json";
import { notFound, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import { parisDay } from "@/lib/domain/business-calendar";
import { campaignYear } from "@/lib/schemas/campaigns";
import { readCampaign } from "@/lib/services/campaigns/campaigns";

export const dynamic = "force-dynamic";

/** GET /api/v1/campaigns/{year} → the campaign; 404 when that year has none. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ year: string }> }) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const year = campaignYear.safeParse((await params).year);
  if (!year.success) return notFound();
  const campaign = await readCampaign(caller, year.data);
  if (!campaign.ok) return problemFromFailure(campaign.failure);
  return Response.json(campaignJson(campaign.value, parisDay(new Date())));
});
