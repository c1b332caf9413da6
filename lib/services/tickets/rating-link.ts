import { createHmac, timingSafeEqual } from "node:crypto";

/** The rating link of the closing e-mail works without signing in for this long; once rated, it is spent. */
export const RATING_LINK_LIFETIME_DAYS = 30;

const sign = (payload: string, secret: string) => createHmac("sha256", `rating-link:${secret}`).update(payload).digest("base64url");

export function createRatingToken(ticketId: string, now: Date, secret: string): string {
  const expiresAt = Math.floor(now.getTime() / 1000) + RATING_LINK_LIFETIME_DAYS * 86_400;
  const payload = Buffer.from(`${ticketId}.${expiresAt}`).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export type RatingTokenCheck = { valid: true; ticketId: string } | { valid: false; reason: "malformed" | "expired" };

export function verifyRatingToken(token: string, now: Date, secret: string): RatingTokenCheck {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return { valid: false, reason: "malformed" };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, reason: "malformed" };
  const [ticketId, expiresAt] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  if (!ticketId || !expiresAt) return { valid: false, reason: "malformed" };
  if (Number(expiresAt) * 1000 <= now.getTime()) return { valid: false, reason: "expired" };
  return { valid: true, ticketId };
}
