import { filteringEntryJson } from "@/lib/api/register-json";
import { registerRoute } from "@/lib/api/register-route";

export const dynamic = "force-dynamic";

/** GET /api/v1/establishments/{uai}/registers/filtering[?inForce=true]: the school's filtering exceptions. */
export const GET = registerRoute((registers) => registers.filtering.map(filteringEntryJson));
