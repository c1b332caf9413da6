import { interventionJson } from "@/lib/api/intervention-json";
import { problemFromFailure } from "@/lib/api/problem";
import { ticketRoute } from "@/lib/api/ticket-route";
import { recordInterventionSchema } from "@/lib/schemas/interventions";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readTicketInterventions } from "@/lib/services/interventions/list-interventions";
import { recordIntervention } from "@/lib/services/interventions/record-intervention";

/** GET /api/v1/tickets/{reference}/interventions → 200 {items, total}; the school reads the summaries only. */
export const GET = ticketRoute(null, async ({ reference, caller }) => {
  const found = await readTicketInterventions(caller, reference, new Date());
  if (!found.ok) return problemFromFailure(found.failure);
  return Response.json({ items: found.value.items.map(interventionJson), total: found.value.total });
});

/** POST /api/v1/tickets/{reference}/interventions {mode, startedAt, minutes, travelMinutes?, summary, details?, ciIds?} → 201. */
export const POST = ticketRoute(recordInterventionSchema, async ({ request, reference, input, caller }) => {
  const recorded = await recordIntervention(caller, reference, input, new Date(), auditActor(request.headers, caller));
  if (!recorded.ok) return problemFromFailure(recorded.failure);
  return Response.json(interventionJson(recorded.value), { status: 201 });
});
