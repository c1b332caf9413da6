"use server";

import { formAction } from "@/lib/auth/form-action";
import { renewFilteringSchema } from "@/lib/schemas/registers";
import { renewFilteringException } from "@/lib/services/registers/renew-filtering";

/** "Renouveler": files the new request, then opens it as any filing does. */
export const renewFiltering = formAction(
  renewFilteringSchema,
  ({ exceptionId }, caller, _form, now) => renewFilteringException(caller, exceptionId, now),
  {
    notFound: "registers.errors.forbidden",
    redirectTo: (created) => `/demandes/${created.reference}?cree=1`,
  },
);
