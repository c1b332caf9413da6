import { describe, expect, test } from "vitest";
import { idempotencyKeyOf, requestFingerprint } from "./idempotency-key";

describe("idempotencyKeyOf", () => {
  test.each([
    [null, { kind: "absent" }],
    ["3f1c9a2e-5b7d-4c1a-9e8f-0a1b2c3d4e5f", { kind: "key", key: "3f1c9a2e-5b7d-4c1a-9e8f-0a1b2c3d4e5f" }],
    ["  <20261204.1234@lycee.fr>  ", { kind: "key", key: "<20261204.1234@lycee.fr>" }],
    ["x".repeat(255), { kind: "key", key: "x".repeat(255) }],
    ["x".repeat(256), { kind: "malformed" }],
    ["", { kind: "malformed" }],
    ["two words", { kind: "malformed" }],
    ["clé", { kind: "malformed" }],
  ] as const)("%j → %j", (value, expected) => {
    const headers = new Headers(value === null ? {} : { "Idempotency-Key": value });
    expect(idempotencyKeyOf(headers)).toEqual(expected);
  });
});

describe("requestFingerprint", () => {
  test("the same input in another key order gives the same fingerprint", () => {
    expect(requestFingerprint("tickets.create", { title: "A", fields: { b: 1, a: [2, { y: 1, x: 2 }] } })).toBe(
      requestFingerprint("tickets.create", { fields: { a: [2, { x: 2, y: 1 }], b: 1 }, title: "A" }),
    );
  });

  test.each([
    ["another value", { title: "B" }, "tickets.create"],
    ["another operation", { title: "A" }, "comments.create:INC-2026-000001"],
    ["an array in another order", { title: ["A"] }, "tickets.create"],
  ])("%s gives another fingerprint", (_label, input, operation) => {
    expect(requestFingerprint(operation, input)).not.toBe(requestFingerprint("tickets.create", { title: "A" }));
  });

  test("an absent field and an undefined one are the same request", () => {
    expect(requestFingerprint("op", { a: 1, b: undefined })).toBe(requestFingerprint("op", { a: 1 }));
  });
});
