import { establishmentJson } from "@/lib/api/organisation-json";
import { notFound, problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { patchEstablishmentSchema } from "@/lib/schemas/organisation";
import { checkedUai } from "@/lib/schemas/primitives";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { readEstablishment } from "@/lib/services/organisation/read-establishment";
import { updateEstablishment } from "@/lib/services/organisation/update-establishment";

export const dynamic = "force-dynamic";

const establishmentRoute = recordRoute("uai", checkedUai);

/** GET /api/v1/establishments/{uai}: the school, its contacts by function and its sector leads; 404 when it is not the caller's to see. */
export const GET = establishmentRoute(null, async ({ uai, caller }) => {
  const school = await readEstablishment(caller, uai);
  return school ? Response.json(establishmentJson(school)) : notFound();
});

/**
 * PATCH /api/v1/establishments/{uai} {name?, type?, city?, departement?, zone?, supportMode?, onboardingState?, rooms?} → 200 with the school
 * (admins). A new support mode or new rooms recompute the SLA of the school's open tickets.
 */
export const PATCH = establishmentRoute(patchEstablishmentSchema, async ({ request, uai, input, caller }) => {
  const updated = await updateEstablishment(caller, uai, input, new Date(), auditActor(request.headers, caller));
  if (!updated.ok) return problemFromFailure(updated.failure);
  const school = await readEstablishment(caller, uai);
  return school ? Response.json(establishmentJson(school)) : notFound();
});
