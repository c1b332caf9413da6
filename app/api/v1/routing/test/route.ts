import { translateText } from "@/i18n/text";
import { invalidRequest, problemFromFailure, unauthenticated } from "@/lib/api/problem";
import { apiRoute, jsonBody } from "@/lib/api/route";
import { apiCaller } from "@/lib/auth/current-caller";
import type { RoutingTestResultJson } from "@/lib/schemas/api-responses";
import { routingTestSchema } from "@/lib/schemas/routing-rules";
import { testRouting } from "@/lib/services/routing/test-routing";

export const dynamic = "force-dynamic";

/** POST /api/v1/routing/test → which rule would take a ticket with these facts, its team, priority and watchers, and why. */
export const POST = apiRoute(async (request: Request) => {
  const caller = await apiCaller(request);
  if (!caller) return unauthenticated();
  const parsed = routingTestSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);
  const tested = await testRouting(caller, parsed.data);
  if (!tested.ok) return problemFromFailure(tested.failure);
  const { decision } = tested.value;
  const body: RoutingTestResultJson = {
    rule: decision.rule,
    team: decision.teamCode ? { code: decision.teamCode } : null,
    priority: decision.priority,
    watchers: decision.watcherTeamCodes.map((code) => ({ code })),
    trace: decision.trace.map((verdict) => ({
      rule: { id: verdict.ruleId, name: verdict.name },
      matched: verdict.matched,
      reason: translateText(verdict.reason.message, verdict.reason.values),
    })),
  };
  return Response.json(body);
});
