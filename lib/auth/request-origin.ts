/** Methods that change nothing: a cross-site GET can at most read what the same-origin policy hides from its sender. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestOrigin = { method: string; origin: string | null; secFetchSite: string | null };

/**
 * Whether a cookie-authenticated request may act: a safe method always may; an unsafe one (POST, PUT, PATCH,
 * DELETE…) only when the browser says it comes from the app itself — its `Origin` is APP_URL's origin, or,
 * without `Origin`, its `Sec-Fetch-Site` is `same-origin`. A request carrying neither header is no browser's
 * (every browser sends `Origin` on a cross-site unsafe request), so it may act: a script cannot be forged
 * into a browser without its headers.
 */
export function sameOriginWrite(request: RequestOrigin, appUrl: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  if (request.origin !== null) return request.origin === new URL(appUrl).origin;
  if (request.secFetchSite !== null) return request.secFetchSite === "same-origin";
  return true;
}

/** Thrown by apiCaller for a cookie-authenticated write from another origin; apiRoute answers it with 403. */
export class CrossSiteRequestError extends Error {
  constructor(public readonly origin: string | null) {
    super("cross-site request refused");
    this.name = "CrossSiteRequestError";
  }
}
