"use server";

import { publicFormAction } from "@/lib/auth/form-action";
import { linkRatingForm } from "@/lib/schemas/ticket-forms";
import { rateWithLink } from "@/lib/services/tickets/requester-actions";

/** Rating through the closing e-mail's link: no sign-in, the signed token is the authority. */
export const rateThroughLink = publicFormAction(
  linkRatingForm,
  ({ token, score, comment }, _caller, _form, now) => rateWithLink(token, { score, comment }, now),
  { notFound: "rating.gone.link" },
);
