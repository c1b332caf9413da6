import { expect, test } from "vitest";
import { SESSION_MAX_AGE_SECONDS, sessionStillValid } from "./session-policy";

const signedInAt = 1_800_000_000;
const claims = { userId: "u1", tokenVersion: 3, signedInAt };

test.each([
  { name: "fresh session of an enabled account", account: { tokenVersion: 3, disabled: false }, now: signedInAt + 60, valid: true },
  {
    name: "just under 12 hours",
    account: { tokenVersion: 3, disabled: false },
    now: signedInAt + SESSION_MAX_AGE_SECONDS - 1,
    valid: true,
  },
  {
    name: "12 hours after sign-in",
    account: { tokenVersion: 3, disabled: false },
    now: signedInAt + SESSION_MAX_AGE_SECONDS,
    valid: false,
  },
  { name: "signed out since (version bumped)", account: { tokenVersion: 4, disabled: false }, now: signedInAt + 60, valid: false },
  { name: "account disabled", account: { tokenVersion: 3, disabled: true }, now: signedInAt + 60, valid: false },
  { name: "account deleted", account: null, now: signedInAt + 60, valid: false },
])("$name → $valid", ({ account, now, valid }) => {
  expect(sessionStillValid(claims, account, now)).toBe(valid);
});
