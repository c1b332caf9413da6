import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "@/lib/domain/audit";

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(`messages/${locale}/audit.json`, "utf8")) as {
    actions: Record<string, Record<string, string>>;
    objectTypes: Record<string, string>;
  };

// The journal's filters and rows name every action and object type: none may show as a raw key.
test.each(["fr", "en"])("every action and object type has a %s label", (locale) => {
  const { actions, objectTypes } = catalogue(locale);
  const actionLabels = AUDIT_ACTIONS.map((action) => {
    const [group, name] = action.split(".") as [string, string];
    return actions[group]?.[name];
  });
  expect(actionLabels.filter((label) => typeof label !== "string" || label === "")).toEqual([]);
  expect(new Set(actionLabels).size).toBe(AUDIT_ACTIONS.length);
  expect(AUDIT_OBJECT_TYPES.filter((type) => !objectTypes[type])).toEqual([]);
  expect(Object.keys(objectTypes).sort()).toEqual([...AUDIT_OBJECT_TYPES].sort());
});
