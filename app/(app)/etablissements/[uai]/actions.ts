"use server";

import { formAction } from "@/lib/auth/form-action";
import { referentsFormSchema } from "@/lib/schemas/planning";
import { setReferents } from "@/lib/services/planning/referents";

/** The sector lead (or an admin) names the school's referent and backup. */
export const saveReferents = formAction(
  referentsFormSchema,
  ({ uai, ...input }, caller, _form, now, actor) => setReferents(caller, uai, input, now, actor),
  {
    revalidate: ({ uai }) => [`/etablissements/${uai}`, "/mon-etablissement", "/"],
  },
);
