/** Sessions last at most this long from sign-in, however active the user is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type SessionClaims = { userId: string; tokenVersion: number; signedInAt: number };
export type AccountState = { tokenVersion: number; disabled: boolean } | null;

/**
 * Whether a session cookie still stands: the account exists and is enabled, it was not
 * signed out since (token version), and it is younger than the absolute limit.
 */
export function sessionStillValid(claims: SessionClaims, account: AccountState, nowSeconds: number): boolean {
  if (!account || account.disabled) return false;
  if (account.tokenVersion !== claims.tokenVersion) return false;
  return nowSeconds - claims.signedInAt < SESSION_MAX_AGE_SECONDS;
}
