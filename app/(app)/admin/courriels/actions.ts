"use server";

import { formAction } from "@/lib/auth/form-action";
import { resendEmailSchema } from "@/lib/schemas/outbox";
import { resendOutboxEmail } from "@/lib/services/mail/outbox-admin";

export const resendEmailAction = formAction(resendEmailSchema, (input, caller) => resendOutboxEmail(caller, input), {
  revalidate: (input) => ["/admin/courriels", `/admin/courriels/${input.id}`],
  notFound: "outbox.gone",
});
