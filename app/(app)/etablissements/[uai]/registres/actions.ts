"use server";

import { formAction } from "@/lib/auth/form-action";
import { renewFilteringSchema, reviewDelegationSchema } from "@/lib/schemas/registers";
import { reviewDelegation } from "@/lib/services/registers/review-delegation";
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

/** The head keeps or ends a delegation. */
export const reviewDelegationAction = formAction(
  reviewDelegationSchema,
  (input, caller, _form, now, actor) => reviewDelegation(caller, input, now, actor),
  {
    notFound: "registers.errors.forbidden",
    revalidate: ({ uai }) => [`/etablissements/${uai}/registres`],
  },
);
