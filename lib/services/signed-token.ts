import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring tokens for links that work without signing in (the rating link, the approval link): the
 * payload (dot-free parts and the expiry) in base64url, and its HMAC under the purpose and the app's secret.
 */
const sign = (purpose: string, payload: string, secret: string) =>
  createHmac("sha256", `${purpose}:${secret}`).update(payload).digest("base64url");

export function createSignedToken(purpose: string, parts: readonly string[], expiresAt: Date, secret: string): string {
  const payload = Buffer.from([...parts, Math.floor(expiresAt.getTime() / 1000)].join(".")).toString("base64url");
  return `${payload}.${sign(purpose, payload, secret)}`;
}

export type SignedTokenCheck = { valid: true; parts: string[] } | { valid: false; reason: "malformed" | "expired" };

/** The token's parts when it is genuine and unexpired; `partCount` is how many parts the purpose signs. */
export function verifySignedToken(purpose: string, token: string, partCount: number, now: Date, secret: string): SignedTokenCheck {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return { valid: false, reason: "malformed" };
  const expected = Buffer.from(sign(purpose, payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, reason: "malformed" };
  const fields = Buffer.from(payload, "base64url").toString("utf8").split(".");
  if (fields.length !== partCount + 1 || fields.some((field) => !field)) return { valid: false, reason: "malformed" };
  if (Number(fields.at(-1)) * 1000 <= now.getTime()) return { valid: false, reason: "expired" };
  return { valid: true, parts: fields.slice(0, -1) };
}
