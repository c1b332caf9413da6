import { expect, test } from "vitest";
import { APPROVAL_LINK_LIFETIME_DAYS, createApprovalToken, verifyApprovalToken } from "./approval-link";

const secret = "s".repeat(40);
const target = { ticketId: "6f1c1d3e-8d0e-4c55-9a55-1d2f3e4a5b6c", level: 2, approverId: "0b9c4a8e-1d2f-4e3a-9b8c-7d6e5f4a3b2c" };
const issued = new Date("2026-12-04T09:00:00Z");
const days = (n: number) => new Date(issued.getTime() + n * 86_400_000);

test.each([
  ["the same day", 0, { valid: true, ...target }],
  ["a day before it ends", APPROVAL_LINK_LIFETIME_DAYS - 1, { valid: true, ...target }],
  ["when it ends", APPROVAL_LINK_LIFETIME_DAYS, { valid: false, reason: "expired" }],
])("a link used %s", (_, after, expected) => {
  expect(verifyApprovalToken(createApprovalToken(target, issued, secret), days(after), secret)).toEqual(expected);
});

test.each([
  ["signed with another secret", (token: string) => token, "t".repeat(40)],
  [
    "naming another approver",
    (token: string) =>
      `${Buffer.from(`${target.ticketId}.2.00000000-0000-4000-8000-000000000000.${9e9}`).toString("base64url")}.${token.split(".")[1]}`,
    secret,
  ],
  ["cut short", (token: string) => token.slice(0, 10), secret],
  ["empty", () => "", secret],
])("a token %s is refused", (_, tamper, verifySecret) => {
  expect(verifyApprovalToken(tamper(createApprovalToken(target, issued, secret)), issued, verifySecret)).toEqual({
    valid: false,
    reason: "malformed",
  });
});

test("a rating token is no approval token, though both are signed with the app's secret", async () => {
  const { createRatingToken } = await import("../tickets/rating-link");
  expect(verifyApprovalToken(createRatingToken(target.ticketId, issued, secret), issued, secret)).toEqual({
    valid: false,
    reason: "malformed",
  });
});
