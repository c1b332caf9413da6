import type { ZodError } from "zod";
import type { TextValues } from "@/i18n/text";

/** A field's refusal: `message` is a message key with its `values` (or, for now, a sentence). */
export type FieldError = { field: string; message: string; values?: TextValues };

export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(body)",
    message: issue.message,
  }));
}
