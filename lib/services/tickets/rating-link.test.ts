import { expect, test } from "vitest";
import { createRatingToken, verifyRatingToken } from "./rating-link";

const secret = "s".repeat(40);
const ticketId = "6f1c1d3e-8d0e-4c55-9a55-1d2f3e4a5b6c";
const issued = new Date("2026-11-23T10:00:00Z");
const days = (n: number) => new Date(issued.getTime() + n * 86_400_000);

test.each([
  ["the same day", 0, { valid: true, ticketId }],
  ["29 days later", 29, { valid: true, ticketId }],
  ["30 days later", 30, { valid: false, reason: "expired" }],
])("a link used %s", (_, after, expected) => {
  expect(verifyRatingToken(createRatingToken(ticketId, issued, secret), days(after), secret)).toEqual(expected);
});

test.each([
  ["signed with another secret", (token: string) => token, "t".repeat(40)],
  [
    "with a changed ticket",
    (token: string) => `${Buffer.from(`00000000-0000-4000-8000-000000000000.${9e9}`).toString("base64url")}.${token.split(".")[1]}`,
    secret,
  ],
  ["cut short", (token: string) => token.slice(0, 10), secret],
  ["empty", () => "", secret],
])("a token %s is refused", (_, tamper, verifySecret) => {
  expect(verifyRatingToken(tamper(createRatingToken(ticketId, issued, secret)), issued, verifySecret)).toEqual({
    valid: false,
    reason: "malformed",
  });
});
