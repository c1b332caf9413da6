import { z } from "zod";

/**
 * Keyset cursors are opaque to clients: base64url JSON of the last row's sort key.
 * `cursorParam(schema)` parses one from a query string, reporting a tampered cursor as a field error.
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function cursorParam<T extends z.ZodType>(key: T) {
  return z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "forms.errors.invalidCursor" });
        return z.NEVER;
      }
    })
    .pipe(key);
}
