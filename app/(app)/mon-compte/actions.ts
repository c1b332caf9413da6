"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { formAction } from "@/lib/auth/form-action";
import { renewOwnSession } from "@/lib/auth/renew-session";
import { revokeApiTokenSchema } from "@/lib/schemas/account";
import { choosePasswordSchema, ownProfileSchema } from "@/lib/schemas/users";
import { changeOwnPassword, updateOwnProfile } from "@/lib/services/accounts/own-account";
import { revokeOwnApiToken } from "@/lib/services/api-tokens";
import { auditActor } from "@/lib/services/audit/audit-actor";

export const revokeToken = formAction(revokeApiTokenSchema, async (input, caller) =>
  revokeOwnApiToken(caller, input.tokenId, auditActor(await headers(), caller)), {
  revalidate: () => ["/mon-compte"],
  notFound: "Ce jeton n'existe plus.",
});

export const saveProfile = formAction(ownProfileSchema, async (input, caller, _form, now) =>
  updateOwnProfile(caller, input, now, auditActor(await headers(), caller)), {
  revalidate: () => ["/mon-compte"],
});

const changePasswordSchema = z.object({ current: z.string().max(1000) }).and(choosePasswordSchema);

export const changePassword = formAction(changePasswordSchema, async (input, caller, _form, now) => {
  const result = await changeOwnPassword(caller, input, now, auditActor(await headers(), caller));
  if (result.ok) await renewOwnSession(result.value.tokenVersion);
  return result;
}, { revalidate: () => ["/mon-compte"] });
