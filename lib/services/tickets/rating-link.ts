import { createSignedToken, verifySignedToken } from "../signed-token";

/** The rating link of the closing e-mail works without signing in for this long; once rated, it is spent. */
export const RATING_LINK_LIFETIME_DAYS = 30;

const PURPOSE = "rating-link";

export function createRatingToken(ticketId: string, now: Date, secret: string): string {
  return createSignedToken(PURPOSE, [ticketId], new Date(now.getTime() + RATING_LINK_LIFETIME_DAYS * 86_400_000), secret);
}

export type RatingTokenCheck = { valid: true; ticketId: string } | { valid: false; reason: "malformed" | "expired" };

export function verifyRatingToken(token: string, now: Date, secret: string): RatingTokenCheck {
  const check = verifySignedToken(PURPOSE, token, 1, now, secret);
  return check.valid ? { valid: true, ticketId: check.parts[0]! } : check;
}
