/** The query parameter telling the sign-in page that the person's session ended while they were working. */
export const EXPIRED_PARAM = "session";
export const EXPIRED_VALUE = "expiree";

/**
 * Where a page sends someone who is not (or no longer) signed in: the sign-in page, coming back to
 * `requested`; `expired` when they were working (an old session cookie, a form sent), so the page can
 * say their typing is kept.
 */
export function signInPath(requested: string | null, expired: boolean): string {
  const query = new URLSearchParams();
  if (requested && requested !== "/") query.set("callbackUrl", requested);
  if (expired) query.set(EXPIRED_PARAM, EXPIRED_VALUE);
  const search = query.toString();
  return search ? `/connexion?${search}` : "/connexion";
}
