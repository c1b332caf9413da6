import { z } from "zod";

/** A form field a category asks for, declared as data (service-catalogue.json). */
export const categoryFieldSchema = z.discriminatedUnion("kind", [
  z.object({ name: z.string(), label: z.string(), kind: z.literal("text"), required: z.boolean().optional() }),
  z.object({ name: z.string(), label: z.string(), kind: z.literal("date"), required: z.boolean().optional() }),
  z.object({ name: z.string(), label: z.string(), kind: z.literal("url"), required: z.boolean().optional() }),
  z.object({
    name: z.string(), label: z.string(), kind: z.literal("integer"), required: z.boolean().optional(),
    min: z.number().int().optional(), max: z.number().int().optional(),
  }),
  z.object({
    name: z.string(), label: z.string(), kind: z.literal("enum"), required: z.boolean().optional(),
    options: z.array(z.string()).min(1),
  }),
]);

export type CategoryField = z.infer<typeof categoryFieldSchema>;
