import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { NAMESPACES } from "@/i18n/messages";

const keys = (value: unknown, prefix = ""): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
    : [prefix];

const read = (locale: string, namespace: string) => JSON.parse(readFileSync(`messages/${locale}/${namespace}.json`, "utf8")) as unknown;

test("every catalogue file is a declared namespace", () => {
  for (const locale of ["fr", "en"]) {
    expect(
      readdirSync(`messages/${locale}`)
        .map((file) => file.replace(/\.json$/, ""))
        .sort(),
    ).toEqual([...NAMESPACES].sort());
  }
});

test.each(NAMESPACES)("English has every key French has in %s", (namespace) => {
  expect(keys(read("en", namespace)).sort()).toEqual(keys(read("fr", namespace)).sort());
});
