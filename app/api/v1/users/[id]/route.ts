import { z } from "zod";
import { problemFromFailure } from "@/lib/api/problem";
import { recordRoute } from "@/lib/api/record-route";
import { patchUserSchema } from "@/lib/schemas/users";
import { accountJson } from "@/lib/services/accounts/account-json";
import { readAccount } from "@/lib/services/accounts/read-account";
import { updateAccount } from "@/lib/services/accounts/update-account";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const dynamic = "force-dynamic";

const userRoute = recordRoute("id", z.uuid());

/** GET /api/v1/users/{id}; an account of another school answers 404 to a head, like a missing one. */
export const GET = userRoute(null, async ({ id, caller }) => {
  const account = await readAccount(caller, id);
  return account.ok ? Response.json(accountJson(account.value)) : problemFromFailure(account.failure);
});

/** PATCH /api/v1/users/{id} with any of {name, phone, role, function, establishments, teams, disabled} → 200 with the account. */
export const PATCH = userRoute(patchUserSchema, async ({ id, input, caller, request }) => {
  const updated = await updateAccount(caller, id, input, new Date(), auditActor(request.headers, caller));
  return updated.ok ? Response.json(accountJson(updated.value)) : problemFromFailure(updated.failure);
});
