import { expect, test } from "vitest";
import { passwordLinkExpiry, passwordLinkUsable, resetRequestAllowed } from "./password-links";

const now = new Date("2026-03-02T10:00:00Z");

test("an invitation works 72 hours, a reset one hour", () => {
  expect(passwordLinkExpiry("invitation", now).toISOString()).toBe("2026-03-05T10:00:00.000Z");
  expect(passwordLinkExpiry("reset", now).toISOString()).toBe("2026-03-02T11:00:00.000Z");
});

test.each([
  ["fresh", { expiresAt: new Date("2026-03-02T10:00:01Z"), usedAt: null, accountDisabled: false }, true],
  ["at its expiry", { expiresAt: now, usedAt: null, accountDisabled: false }, false],
  [
    "already used",
    { expiresAt: new Date("2026-03-03T00:00:00Z"), usedAt: new Date("2026-03-02T09:00:00Z"), accountDisabled: false },
    false,
  ],
  ["account disabled since", { expiresAt: new Date("2026-03-03T00:00:00Z"), usedAt: null, accountDisabled: true }, false],
])("a link %s is usable: %s", (_, link, expected) => {
  expect(passwordLinkUsable(link, now)).toBe(expected);
});

test.each([
  [{ email: 1, ip: 1 }, true],
  [{ email: 3, ip: 20 }, true],
  [{ email: 4, ip: 1 }, false],
  [{ email: 1, ip: 21 }, false],
])("reset requests %j allowed: %s", (counts, expected) => {
  expect(resetRequestAllowed(counts)).toBe(expected);
});
