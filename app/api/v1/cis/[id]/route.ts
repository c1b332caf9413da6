import { ciRoute } from "@/lib/api/ci-route";
import { notFound, problemFromFailure } from "@/lib/api/problem";
import { patchCiSchema } from "@/lib/schemas/cis";
import { ciJson } from "@/lib/services/cmdb/ci-json";
import { readCi } from "@/lib/services/cmdb/read-ci";
import { updateCi } from "@/lib/services/cmdb/save-ci";

export const dynamic = "force-dynamic";

/** GET /api/v1/cis/{id}; an item the caller may not see answers 404 like a missing one. */
export const GET = ciRoute(null, async ({ id, caller }) => {
  const item = await readCi(caller, id, new Date());
  return item ? Response.json(ciJson(item)) : notFound();
});

/** PATCH /api/v1/cis/{id} with any of POST's fields (attributes merge; null removes one) → 200 with the item; every change goes to its history. */
export const PATCH = ciRoute(patchCiSchema, async ({ id, input, caller }) => {
  const now = new Date();
  const updated = await updateCi(caller, id, input, { source: "api" }, now);
  if (!updated.ok) return problemFromFailure(updated.failure);
  const item = await readCi(caller, id, now);
  return item ? Response.json(ciJson(item)) : notFound();
});
