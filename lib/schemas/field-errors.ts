import type { z, ZodError } from "zod";
import type { TextValues } from "@/i18n/text";

/** A field's refusal: `message` is a message key with its `values`. */
export type FieldError = { field: string; message: string; values?: TextValues };

/**
 * A schema's own message is a catalogue key; zod's built-in (English) ones are replaced by `forms.zod.<code>`.
 * A custom issue keeps its message: lib/domain still words some of its checks itself.
 */
const KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/;
const ownMessage = (issue: z.core.$ZodIssue) => KEY.test(issue.message) || issue.code === "custom";

/** What a message may quote from the issue: the bound passed, the keys or choices named, a custom issue's params. */
function issueValues(issue: z.core.$ZodIssue): TextValues | undefined {
  switch (issue.code) {
    case "too_small":
      return { minimum: Number(issue.minimum) };
    case "too_big":
      return { maximum: Number(issue.maximum) };
    case "unrecognized_keys":
      return { keys: issue.keys.join(", ") };
    case "invalid_value":
      return { options: issue.values.map(String).join(", ") };
    case "custom":
      return issue.params as TextValues | undefined;
    default:
      return undefined;
  }
}

export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "(body)",
    message: ownMessage(issue) ? issue.message : `forms.zod.${issue.code}`,
    values: issueValues(issue),
  }));
}
