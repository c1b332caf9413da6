import { expect, test } from "vitest";
import { commonSecurityHeaders, isDownloadPath, newNonce, pageContentSecurityPolicy } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((part) => part.startsWith(`${name} `));

test.each([
  { development: false, script: "script-src 'self' 'nonce-abc' 'strict-dynamic'", style: "style-src 'self' 'nonce-abc'" },
  { development: true, script: "script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'", style: "style-src 'self' 'unsafe-inline'" },
])("page CSP (development: $development): $script", ({ development, script, style }) => {
  const csp = pageContentSecurityPolicy("abc", development);
  expect(directive(csp, "script-src")).toBe(script);
  expect(directive(csp, "style-src")).toBe(style);
  expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(directive(csp, "object-src")).toBe("object-src 'none'");
  expect(directive(csp, "default-src")).toBe("default-src 'self'");
});

test.each([
  { built: true, hsts: "max-age=31536000; includeSubDomains" },
  { built: false, hsts: undefined },
])("common headers (built: $built): HSTS $hsts", ({ built, hsts }) => {
  const headers = Object.fromEntries(commonSecurityHeaders(built).map(({ key, value }) => [key, value]));
  expect(headers).toMatchObject({
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
  expect(headers["Permissions-Policy"]).toContain("camera=()");
  expect(headers["Strict-Transport-Security"]).toBe(hsts);
});

test.each([
  ["/tableaux-de-bord/csv/open-status", true],
  ["/tableaux-de-bord/csv/tickets", true],
  ["/admin/journal/csv", true],
  ["/tableaux-de-bord", false],
  ["/inventaire/csvimport", false],
  ["/", false],
])("%s is a download: %s", (path, download) => {
  expect(isDownloadPath(path)).toBe(download);
});

test("nonces are 128 random bits, never twice the same", () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  expect(nonces.size).toBe(100);
  for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
});
