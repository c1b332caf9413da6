import { describe, expect, test } from "vitest";
import type { RuleMatch } from "./routing";
import { firstEnabledCatchAll, insertionIndex, isCatchAll, isPermutation, moveOne, movedIds, positionsFor } from "./routing-order";

test.each<[RuleMatch, boolean]>([
  [{}, true],
  [{ services: [], categories: [] }, true],
  [{ services: ["POSTE"] }, false],
  [{ schoolTask: false }, false],
  [{ types: ["incident"] }, false],
])("isCatchAll(%j) is %s", (match, expected) => {
  expect(isCatchAll(match)).toBe(expected);
});

test.each<[RuleMatch[], number]>([
  [[], 0],
  [[{ services: ["POSTE"] }], 1],
  [[{ services: ["POSTE"] }, {}], 1],
  [[{}], 0],
])("a new rule after %j goes at index %i", (matches, expected) => {
  expect(insertionIndex(matches.map((match) => ({ match })))).toBe(expected);
});

test("positions are steps of ten in the given order", () => {
  expect([...positionsFor(["c", "a", "b"])]).toEqual([
    ["c", 10],
    ["a", 20],
    ["b", 30],
  ]);
});

describe("moving one rule", () => {
  test.each([
    ["b", "up", ["b", "a", "c"]],
    ["b", "down", ["a", "c", "b"]],
    ["a", "up", null],
    ["c", "down", null],
    ["z", "up", null],
  ] as const)("%s %s → %j", (id, direction, expected) => {
    expect(moveOne(["a", "b", "c"], id, direction)).toEqual(expected);
  });
});

test.each([
  [["b", "a", "c"], true],
  [["a", "b"], false],
  [["a", "a", "b"], false],
  [["a", "b", "z"], false],
])("%j reorders [a, b, c]: %s", (next, expected) => {
  expect(isPermutation(["a", "b", "c"], next)).toBe(expected);
});

test.each([
  [["a", "b", "c"], []],
  [
    ["b", "a", "c"],
    ["b", "a"],
  ],
  [
    ["c", "a", "b"],
    ["c", "a", "b"],
  ],
])("from [a, b, c] to %j moves %j", (after, expected) => {
  expect(movedIds(["a", "b", "c"], after)).toEqual(expected);
});

test("the first enabled catch-all hides what follows; a disabled one does not", () => {
  const rules = [
    { id: "1", enabled: true, match: { services: ["POSTE"] } },
    { id: "2", enabled: false, match: {} },
    { id: "3", enabled: true, match: {} },
  ];
  expect(firstEnabledCatchAll(rules)?.id).toBe("3");
  expect(firstEnabledCatchAll(rules.slice(0, 2))).toBeNull();
});
