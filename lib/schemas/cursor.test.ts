import { expect, test } from "vitest";
import { z } from "zod";
import { cursorParam, encodeCursor } from "./cursor";

const key = z.object({ name: z.string(), id: z.uuid() });
const param = cursorParam(key);

test("a cursor round-trips", () => {
  const value = { name: "Lycée Choiseul", id: "0b7d3c5e-3f3a-4b55-9f0e-5f1f1c2d3e4f" };
  expect(param.parse(encodeCursor(value))).toEqual(value);
});

test.each([
  ["not base64 JSON", "%%%"],
  ["JSON of the wrong shape", encodeCursor({ name: 3 })],
  ["a bad id", encodeCursor({ name: "x", id: "nope" })],
])("refuses %s", (_, raw) => {
  expect(param.safeParse(raw).success).toBe(false);
});
