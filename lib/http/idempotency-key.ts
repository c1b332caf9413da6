import { createHash } from "node:crypto";

/** How long a key answers again: a client's retries happen within minutes; a day covers a night's outage. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** 1 to 255 visible ASCII characters (a UUID, a mail's Message-ID…), as the IETF draft's clients send. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header: absent, a usable key, or malformed (answered 400). */
export function idempotencyKeyOf(headers: Headers): { kind: "absent" } | { kind: "key"; key: string } | { kind: "malformed" } {
  const value = headers.get("idempotency-key");
  if (value === null) return { kind: "absent" };
  const key = value.trim();
  return KEY.test(key) ? { kind: "key", key } : { kind: "malformed" };
}

/** Keys sorted at every depth, so two encodings of the same request give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The operation and its parsed input, hashed: what a reused key must match to be answered again. */
export function requestFingerprint(operation: string, input: unknown): string {
  return createHash("sha256")
    .update(`${operation}\n${canonicalJson(input)}`)
    .digest("hex");
}
