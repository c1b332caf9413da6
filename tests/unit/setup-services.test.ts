import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";

const root = path.resolve(import.meta.dirname, "../..");

/** services_plan of scripts/setup-services.sh, run by bash with the facts given. */
function plan(facts: {
  debian: boolean;
  root: boolean;
  pgUp: boolean;
  pgInstalled: boolean;
  redisUp: boolean;
  redisInstalled: boolean;
}): string[] {
  const args = [facts.debian, facts.root, facts.pgUp, facts.pgInstalled, facts.redisUp, facts.redisInstalled].map((fact) =>
    fact ? "yes" : "no",
  );
  const out = execFileSync("bash", ["-c", 'source scripts/setup-services.sh && services_plan "$@"', "plan", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return out.split("\n").filter(Boolean);
}

const fresh = { debian: true, root: true, pgUp: false, pgInstalled: false, redisUp: false, redisInstalled: false };

test.each([
  ["both running: nothing to do", { ...fresh, pgUp: true, pgInstalled: true, redisUp: true, redisInstalled: true }, []],
  [
    "both running elsewhere than Debian, not root: nothing to do",
    { debian: false, root: false, pgUp: true, pgInstalled: false, redisUp: true, redisInstalled: false },
    [],
  ],
  [
    "fresh Debian as root: install, configure the role, start both",
    fresh,
    ["install-postgresql", "configure-postgresql", "start-postgresql", "install-redis", "start-redis"],
  ],
  [
    "installed but stopped: start only, the existing PostgreSQL left as configured",
    { ...fresh, pgInstalled: true, redisInstalled: true },
    ["start-postgresql", "start-redis"],
  ],
  ["only Redis missing", { ...fresh, pgUp: true, pgInstalled: true }, ["install-redis", "start-redis"]],
  ["only PostgreSQL stopped", { ...fresh, pgInstalled: true, redisUp: true, redisInstalled: true }, ["start-postgresql"]],
] as const)("%s", (_, facts, steps) => {
  expect(plan(facts)).toEqual(steps);
});

test.each([
  [
    "another system",
    { ...fresh, debian: false },
    /^advise Guichet a besoin de PostgreSQL \(15 ou plus\) et Redis .*docker compose up --build/,
  ],
  [
    "Debian without root",
    { ...fresh, root: false, redisUp: true },
    /^advise Guichet a besoin de PostgreSQL \(15 ou plus\) sur 127\.0\.0\.1 : relancez `npm run setup` en root/,
  ],
  ["another system, only Redis missing", { ...fresh, debian: false, pgUp: true }, /^advise Guichet a besoin de Redis sur/],
] as const)("%s: one sentence saying what to do, and nothing installed", (_, facts, sentence) => {
  const steps = plan(facts);
  expect(steps).toHaveLength(1);
  expect(steps[0]).toMatch(sentence);
});

test("the password the setup prints is the demo accounts' one", () => {
  expect(readFileSync(path.join(root, "scripts/setup-and-start.sh"), "utf8")).toContain(`mot de passe ${DEMO_PASSWORD}`);
});
