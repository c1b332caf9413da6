import { z } from "zod";
import { blankToUndefined } from "./primitives";

/** A form field a category asks for, declared as data (service-catalogue.json). */
export const categoryFieldSchema = z.discriminatedUnion("kind", [
  z.object({ name: z.string(), label: z.string(), kind: z.literal("text"), required: z.boolean().optional() }),
  z.object({ name: z.string(), label: z.string(), kind: z.literal("date"), required: z.boolean().optional() }),
  z.object({ name: z.string(), label: z.string(), kind: z.literal("url"), required: z.boolean().optional() }),
  z.object({
    name: z.string(),
    label: z.string(),
    kind: z.literal("integer"),
    required: z.boolean().optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.object({
    name: z.string(),
    label: z.string(),
    kind: z.literal("enum"),
    required: z.boolean().optional(),
    options: z.array(z.string()).min(1),
    /** What each option reads as, in the order of the options ("autoriser" → "Autoriser le site"); the option itself when absent. */
    labels: z.array(z.string()).optional(),
    /** The option chosen before the person picks one. */
    default: z.string().optional(),
  }),
]);

export type CategoryField = z.infer<typeof categoryFieldSchema>;

/** One field's validator, with French messages; form values arrive as strings, API values may be typed. */
function fieldValidator(field: CategoryField): z.ZodType {
  const required = "filing.errors.required";
  let base: z.ZodType;
  switch (field.kind) {
    case "text":
      base = z.string({ error: required }).trim().min(1, required).max(2000, "forms.errors.max2000");
      break;
    case "date":
      base = z.iso.date({ error: "filing.errors.invalidDate" });
      break;
    case "url":
      base = z.url({ protocol: /^https?$/, error: "filing.errors.invalidUrl" });
      break;
    case "integer": {
      let number = z.coerce.number({ error: "filing.errors.integerExpected" }).int("filing.errors.integerExpected");
      if (field.min !== undefined) number = number.min(field.min, "filing.errors.atLeast");
      if (field.max !== undefined) number = number.max(field.max, "filing.errors.atMost");
      base = number;
      break;
    }
    case "enum":
      base = z.enum(field.options as [string, ...string[]], { error: "filing.errors.chooseAmong" });
      break;
  }
  const optional = field.required === false;
  // A missing answer says "obligatoire", not the type's own complaint about undefined.
  return z.preprocess(
    blankToUndefined,
    optional
      ? base.optional()
      : z
          .unknown()
          .refine((value) => value !== undefined, required)
          .pipe(base as z.ZodType<unknown, NonNullable<unknown> | null>),
  );
}

/** The answers a category asks for, as one strict object: unknown keys are refused. */
export function categoryAnswersSchema(fields: CategoryField[]) {
  return z.strictObject(Object.fromEntries(fields.map((field) => [field.name, fieldValidator(field)])));
}
