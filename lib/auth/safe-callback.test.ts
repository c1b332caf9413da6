import { expect, test } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const APP = "https://guichet.region.test";

test.each([
  [undefined, "/"],
  ["", "/"],
  ["/demandes/GU-2026-000001", "/demandes/GU-2026-000001"],
  ["/bureau?file=PROX-OUEST&sort=priority", "/bureau?file=PROX-OUEST&sort=priority"],
  ["//evil.example/login", "/"],
  ["/\\evil.example/login", "/"],
  ["/\t/evil.example", "/"],
  ["https://evil.example/", "/"],
  ["javascript:alert(1)", "/"],
  [`${APP}/catalogue`, "/catalogue"],
])("%j → %j", (value, expected) => {
  expect(safeCallbackPath(value, APP)).toBe(expected);
});
