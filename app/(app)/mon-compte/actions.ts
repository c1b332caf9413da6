"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/auth/form-action";
import { revokeApiTokenSchema } from "@/lib/schemas/account";
import { revokeOwnApiToken } from "@/lib/services/api-tokens";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const revokeToken = formAction(revokeApiTokenSchema, async (input, caller) =>
  revokeOwnApiToken(caller, input.tokenId, auditActor(await headers(), caller)), {
  revalidate: () => ["/mon-compte"],
  notFound: "Ce jeton n'existe plus.",
});
