import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const imports = (file: string) => [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]!);

// The architecture's boundaries (shared/design/ARCHITECTURE.md), checked on every run.
test("lib/domain is pure: no database, framework, queue or clock", () => {
  const offending = sources("lib/domain").flatMap((file) =>
    imports(file)
      .filter((spec) => /^(@\/db|@\/lib\/(services|queue|auth|redis|env)|next|next-auth|bullmq|ioredis|pg|drizzle-orm|node:)/.test(spec))
      .map((spec) => `${file}: ${spec}`));
  expect(offending).toEqual([]);
  const clocks = sources("lib/domain").filter((file) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(file, "utf8")));
  expect(clocks).toEqual([]);
});

test("components never import the database or services", () => {
  const offending = sources("components").flatMap((file) =>
    imports(file).filter((spec) => /^@\/(db|lib\/services)/.test(spec)).map((spec) => `${file}: ${spec}`));
  expect(offending).toEqual([]);
});
