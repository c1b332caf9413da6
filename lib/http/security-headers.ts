/**
 * The browser-side defences every answer carries. Kept free of imports so next.config.ts (which builds the
 * static header rules) and proxy.ts (which signs each page's scripts with a nonce) share one definition.
 */

/** Features Guichet never uses: no page, nor anything framed or injected into one, may ask for them. */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** On every answer (pages, API, files): the headers that are not the page's CSP. HSTS for a built app, not the dev server. */
export function commonSecurityHeaders(built: boolean): Array<{ key: string; value: string }> {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    ...(built ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
  ];
}

/**
 * A page's Content-Security-Policy: scripts only from this origin and signed with this request's nonce (Next
 * signs its own; 'strict-dynamic' lets them load their chunks), styles likewise (in development, Next's hot reload injects them unsigned), and style attributes allowed
 * (React and the charts set widths and heights inline; an attribute runs no code). `'unsafe-eval'` only in
 * development, where React rebuilds server error stacks with eval. Nothing may frame a page.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A random, single-use nonce for one page's answer. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Files we hand out (attachments, CSV exports): never sniffed as another type, and opened, if at all, as a
 * sandboxed document that runs no script and reaches no origin — an HTML or SVG file is shown, never run.
 */
export const DOWNLOAD_HEADERS = { "x-content-type-options": "nosniff", "content-security-policy": "sandbox" } as const;

/** A file served under a page's path (a `csv` segment: /tableaux-de-bord/csv/…) is a download, not a page. */
export function isDownloadPath(pathname: string): boolean {
  return /\/csv(\/|$)/.test(pathname);
}
