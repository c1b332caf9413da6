import { delegationEntryJson } from "@/lib/api/register-json";
import { registerRoute } from "@/lib/api/register-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/establishments/{uai}/registers/delegations[?inForce=true]: the school's delegations of administration rights. */
export const GET = registerRoute((registers) => registers.delegations.map(delegationEntryJson));
