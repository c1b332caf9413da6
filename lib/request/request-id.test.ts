import { expect, test } from "vitest";
import { requestIdFrom } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.each([
  ["nginx's $request_id", "5f2a9c0e1b7d4e3f8a6b2c1d0e9f8a7b", "5f2a9c0e1b7d4e3f8a6b2c1d0e9f8a7b"],
  ["a UUID", "0b5d0c4e-3f1a-4b8e-9c2d-7e6f5a4b3c2d", "0b5d0c4e-3f1a-4b8e-9c2d-7e6f5a4b3c2d"],
  ["dots, colons and underscores", "web-1:req_42.7", "web-1:req_42.7"],
])("keeps %s", (_, upstream, kept) => {
  expect(requestIdFrom(upstream)).toBe(kept);
});

test.each([
  ["no header", null],
  ["an empty one", ""],
  ["spaces", "two words"],
  ["a control character", "id\u0000"],
  ["a log line injected", 'x\r\n{"level":50}'],
  ["more than 128 characters", "a".repeat(129)],
  ["a key=value trace header", "Root=1-67891233-abcdef012345678912345678"],
])("replaces %s with a new UUID", (_, upstream) => {
  expect(requestIdFrom(upstream)).toMatch(UUID);
});

test("each new id is new", () => {
  expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
});
