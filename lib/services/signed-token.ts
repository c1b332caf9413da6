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

/** Mail in: the token of a ticket e-mail's Reply-To (lib/domain/mail-in.ts reads the address around it). */
const TOKEN_PURPOSE = "mail-reply";
const SIGNATURE_HEX = 20;

const tokenSignature = (hex: string, secret: string) =>
  createHmac("sha256", `${TOKEN_PURPOSE}:${secret}`).update(hex).digest("hex").slice(0, SIGNATURE_HEX);

/**
 * The reply token of an outbox e-mail: its id (32 hex digits) and 80 bits of HMAC, lower-case hex (52 characters), so
 * `guichet+<token>@…` stays within the 64 characters of an address's local part and survives servers that fold case.
 */
export function createReplyToken(outboxId: string, secret: string): string {
  const hex = outboxId.replaceAll("-", "").toLowerCase();
  return `${hex}${tokenSignature(hex, secret)}`;
}

/** The outbox id a token names, or null when it is not one of ours. */
export function readReplyToken(token: string, secret: string): string | null {
  const lower = token.toLowerCase();
  if (!/^[0-9a-f]{52}$/.test(lower)) return null;
  const hex = lower.slice(0, 32);
  const expected = Buffer.from(tokenSignature(hex, secret));
  const given = Buffer.from(lower.slice(32));
  if (!timingSafeEqual(expected, given)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
