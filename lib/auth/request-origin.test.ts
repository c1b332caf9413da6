import { expect, test } from "vitest";
import { sameOriginWrite } from "./request-origin";

const APP_URL = "https://guichet.region.fr";

test.each([
  { name: "GET from another site", method: "GET", origin: "http://evil.test", secFetchSite: "cross-site", allowed: true },
  { name: "HEAD without headers", method: "HEAD", origin: null, secFetchSite: null, allowed: true },
  { name: "POST from the app", method: "POST", origin: "https://guichet.region.fr", secFetchSite: "same-origin", allowed: true },
  { name: "lower-case method from the app", method: "post", origin: "https://guichet.region.fr", secFetchSite: null, allowed: true },
  { name: "POST from another site", method: "POST", origin: "http://evil.test", secFetchSite: "cross-site", allowed: false },
  { name: "DELETE from another site", method: "DELETE", origin: "http://evil.test", secFetchSite: null, allowed: false },
  { name: "PATCH from a sibling subdomain", method: "PATCH", origin: "https://autre.region.fr", secFetchSite: "same-site", allowed: false },
  { name: "PUT from the app's host over http", method: "PUT", origin: "http://guichet.region.fr", secFetchSite: null, allowed: false },
  {
    name: "POST from the app's host on another port",
    method: "POST",
    origin: "https://guichet.region.fr:8443",
    secFetchSite: null,
    allowed: false,
  },
  {
    name: "POST from an opaque origin (sandboxed frame, data: URL)",
    method: "POST",
    origin: "null",
    secFetchSite: "cross-site",
    allowed: false,
  },
  { name: "POST without Origin, fetched by the app", method: "POST", origin: null, secFetchSite: "same-origin", allowed: true },
  { name: "POST without Origin, sent by another site", method: "POST", origin: null, secFetchSite: "cross-site", allowed: false },
  { name: "POST without Origin, from a sibling subdomain", method: "POST", origin: null, secFetchSite: "same-site", allowed: false },
  { name: "POST without Origin, typed by the user", method: "POST", origin: null, secFetchSite: "none", allowed: false },
  { name: "POST with neither header (no browser)", method: "POST", origin: null, secFetchSite: null, allowed: true },
])("$name → $allowed", ({ method, origin, secFetchSite, allowed }) => {
  expect(sameOriginWrite({ method, origin, secFetchSite }, APP_URL)).toBe(allowed);
});

test("APP_URL with a path or a trailing slash compares by origin", () => {
  expect(
    sameOriginWrite({ method: "POST", origin: "https://guichet.region.fr", secFetchSite: null }, "https://guichet.region.fr/guichet/"),
  ).toBe(true);
});
