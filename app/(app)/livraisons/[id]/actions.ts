"use server";

import { formAction } from "@/lib/auth/form-action";
import { checkDeliveryForm, readCheckForm } from "@/lib/schemas/deliveries";
import { checkDelivery } from "@/lib/services/deliveries/check-delivery";

/** The school's check of a delivery, from its page. */
export const checkFromPage = formAction(
  checkDeliveryForm,
  ({ id, lines }, caller, _form, now, actor) => checkDelivery(caller, id, { lines }, actor, "form", now),
  {
    revalidate: ({ id }) => [`/livraisons/${id}`, "/livraisons"],
    read: readCheckForm,
    notFound: "deliveries.errors.notFound",
    // The page then shows the outcome in place of the form (the delivery is no longer to check).
    redirectTo: (_checked, { id }) => `/livraisons/${id}?controle=1`,
  },
);
