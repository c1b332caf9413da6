import { z } from "zod";
import type { FormValues } from "./form-state";
import { uaiCode } from "./primitives";

/** A caller the school's contacts do not list yet: name and phone, and their e-mail (they are mailed and invited). */
export const newCallContactSchema = z.object({
  establishmentUai: uaiCode,
  name: z.string({ error: "users.errors.nameRequired" }).trim().min(1, "users.errors.nameRequired").max(200),
  phone: z
    .string({ error: "desk.calls.errors.phoneRequired" })
    .trim()
    .min(1, "desk.calls.errors.phoneRequired")
    .max(40, "desk.calls.errors.phoneTooLong")
    .regex(/^[0-9+ ().-]+$/, "desk.calls.errors.phoneInvalid"),
  email: z
    .string({ error: "desk.calls.errors.emailRequired" })
    .trim()
    .toLowerCase()
    .min(1, "desk.calls.errors.emailRequired")
    .max(254)
    .pipe(z.email("users.errors.invalidEmail")),
});
export type NewCallContactInput = z.infer<typeof newCallContactSchema>;

const FIELD_PREFIX = "fields.";

/**
 * The filing form's entries as `createTicketSchema` reads them: the category's answers are posted as `fields.<name>`,
 * equipment as repeated `ciIds`, and a call's contact as `requesterId`.
 */
export function filingFromForm(form: FormData, values: FormValues) {
  const single = (name: string) => (typeof values[name] === "string" ? values[name] : undefined);
  return {
    type: single("type"),
    serviceCode: single("serviceCode"),
    categoryCode: single("categoryCode"),
    establishmentUai: single("establishmentUai"),
    title: single("title"),
    description: single("description"),
    impact: single("impact"),
    urgency: single("urgency"),
    fields: Object.fromEntries(
      Object.entries(values)
        .filter(([name]) => name.startsWith(FIELD_PREFIX))
        .map(([name, value]) => [name.slice(FIELD_PREFIX.length), value]),
    ),
    ciIds: form.getAll("ciIds").filter((id) => typeof id === "string"),
    requesterId: single("requesterId"),
  };
}
