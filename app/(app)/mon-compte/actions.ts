"use server";

import { z } from "zod";
import { formAction } from "@/lib/auth/form-action";
import { renewOwnSession } from "@/lib/auth/renew-session";
import { revokeApiTokenSchema } from "@/lib/schemas/account";
import { preferencesSchema } from "@/lib/schemas/notifications";
import { saveMyPreferences } from "@/lib/services/notifications/my-notifications";
import { choosePasswordSchema, ownProfileSchema } from "@/lib/schemas/users";
import { changeOwnPassword, updateOwnProfile } from "@/lib/services/accounts/own-account";
import { revokeOwnApiToken } from "@/lib/services/accounts/api-tokens";

export const revokeToken = formAction(
  revokeApiTokenSchema,
  (input, caller, _form, _now, actor) => revokeOwnApiToken(caller, input.tokenId, actor),
  {
    revalidate: () => ["/mon-compte"],
    notFound: "account.gone.token",
  },
);

export const saveProfile = formAction(ownProfileSchema, (input, caller, _form, now, actor) => updateOwnProfile(caller, input, now, actor), {
  revalidate: () => ["/mon-compte"],
});

const changePasswordSchema = z.object({ current: z.string().max(1000) }).and(choosePasswordSchema);

export const changePassword = formAction(
  changePasswordSchema,
  async (input, caller, _form, now, actor) => {
    const result = await changeOwnPassword(caller, input, now, actor);
    if (result.ok) await renewOwnSession(result.value.tokenVersion);
    return result;
  },
  { revalidate: () => ["/mon-compte"] },
);

/** Per kind of notification, when an e-mail goes with it (issue 14). */
export const saveNotificationPreferences = formAction(
  preferencesSchema,
  (input, caller, _form, now) => saveMyPreferences(caller, input, now),
  {
    revalidate: () => ["/mon-compte"],
  },
);
