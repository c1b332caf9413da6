import { referentsJson } from "@/lib/api/planning-json";
import { notFound, problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { checkedUai } from "@/lib/schemas/primitives";
import { setReferentsSchema } from "@/lib/schemas/planning";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readReferents, setReferents } from "@/lib/services/planning/referents";

export const dynamic = "force-dynamic";

const referentsRoute = recordRoute("uai", checkedUai);

/** GET /api/v1/establishments/{uai}/referents: the school's referent technician and backup (whoever sees the school). */
export const GET = referentsRoute(null, async ({ uai, caller }) => {
  const view = await readReferents(caller, uai);
  return view ? Response.json(referentsJson(view)) : notFound();
});

/** PUT /api/v1/establishments/{uai}/referents {referent, backup?}: the sector lead of the school's zone or an admin; 404 for another zone's lead. */
export const PUT = referentsRoute(setReferentsSchema, async ({ request, uai, input, caller }) => {
  const result = await setReferents(caller, uai, input, new Date(), auditActor(request.headers, caller));
  return result.ok ? Response.json(referentsJson(result.value)) : problemFromFailure(result.failure);
});
