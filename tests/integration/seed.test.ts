import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { seed } from "@/db/seed/seed";
import { DEMO_ACCOUNTS } from "@/db/seed/demo-accounts";
import catalogue from "@/db/seed/data/service-catalogue.json";

const TABLES = [
  "zones",
  "establishments",
  "vendors",
  "teams",
  "users",
  "user_establishments",
  "team_members",
  "services",
  "categories",
  "configuration_items",
  "sla_policies",
  "routing_rules",
];

/** Every row of every seeded table, hashed: equal digests mean nothing changed. */
async function snapshot() {
  const digests: Record<string, { rows: number; digest: string }> = {};
  for (const table of TABLES) {
    const result = await database().execute(sql.raw(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`));
    const rows = result.rows.map((row) => String(row.row));
    digests[table] = { rows: rows.length, digest: createHash("sha256").update(rows.join("\n")).digest("hex") };
  }
  return digests;
}

describe("seed", () => {
  test("running it again changes nothing", async () => {
    const before = await snapshot();
    await seed(database(), { demo: true });
    expect(await snapshot()).toEqual(before);
  });

  test("loads the reference data with its codes unchanged", async () => {
    const count = async (query: string) => Number((await database().execute(sql.raw(query))).rows[0]!.count);
    expect(await count("SELECT count(*) FROM establishments")).toBe(20);
    expect(await count("SELECT count(*) FROM zones")).toBe(4);
    expect(await count("SELECT count(*) FROM teams WHERE code LIKE 'ETAB-%' AND party = 'school'")).toBe(20);
    expect(await count("SELECT count(*) FROM teams WHERE code = 'PROX-OUEST' AND zone_id IS NOT NULL")).toBe(1);
    const codes = (await database().execute(sql`SELECT code FROM categories ORDER BY code`)).rows.map((row) => row.code);
    expect(codes).toEqual(catalogue.services.flatMap((service) => service.categories.map((category) => category.code)).sort());
    expect(await count("SELECT count(*) FROM establishments WHERE uai = '0450029M' AND support_mode = 'ouvert'")).toBe(1);
    expect(await count("SELECT count(*) FROM establishments WHERE uai = '0180010N' AND support_mode = 'hors_perimetre'")).toBe(1);
  });

  test("loads the sample inventory with its uplinks, and an inventory for every school", async () => {
    const rows = (
      await database().execute(sql`
      SELECT child.name, parent.name AS parent FROM configuration_items child
      LEFT JOIN configuration_items parent ON parent.id = child.parent_id
      WHERE child.name IN ('rca0370037psw153.SR11.2', 'a107-sev-05', 'hosta0370037p')`)
    ).rows;
    expect(Object.fromEntries(rows.map((row) => [row.name, row.parent]))).toEqual({
      "rca0370037psw153.SR11.2": "rca0370037psw154.SRB3.35",
      "a107-sev-05": null,
      hosta0370037p: null,
    });
    const perSchool = (
      await database().execute(sql`
      SELECT e.uai, count(ci.id)::int AS items FROM establishments e LEFT JOIN configuration_items ci ON ci.establishment_id = e.id GROUP BY e.uai`)
    ).rows;
    expect(perSchool).toHaveLength(20);
    for (const school of perSchool) expect(Number(school.items)).toBeGreaterThanOrEqual(60);
  });

  test("creates the demo accounts with their roles and attachments", async () => {
    const rows = (
      await database().execute(sql`
      SELECT u.email, u.role, u.function_code AS "functionCode", u.password_set_at IS NOT NULL AS "passwordSet",
        array_remove(array_agg(DISTINCT e.uai), NULL) AS schools, array_remove(array_agg(DISTINCT t.code), NULL) AS teams,
        array_remove(array_agg(DISTINCT t.code) FILTER (WHERE tm.is_primary), NULL) AS "primaryTeams"
      FROM users u LEFT JOIN user_establishments ue ON ue.user_id = u.id LEFT JOIN establishments e ON e.id = ue.establishment_id
      LEFT JOIN team_members tm ON tm.user_id = u.id LEFT JOIN teams t ON t.id = tm.team_id
      -- Other test files add accounts of their own to the shared database.
      WHERE u.email IN ${DEMO_ACCOUNTS.map((account) => account.email)}
      GROUP BY u.email, u.role, u.function_code, u.password_set_at`)
    ).rows;
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    expect(byEmail.size).toBe(DEMO_ACCOUNTS.length);
    expect(byEmail.get("csl.choiseul@guichet.test")).toMatchObject({ role: "requester", schools: ["0370037P"] });
    expect(byEmail.get("proviseur.choiseul@guichet.test")).toMatchObject({
      role: "manager",
      schools: ["0370037P"],
      functionCode: "chef_etablissement",
    });
    expect(byEmail.get("csl.palissy@guichet.test")).toMatchObject({ functionCode: "csl", primaryTeams: ["ETAB-0450029M"] });
    expect(rows.every((row) => row.passwordSet === true)).toBe(true);
    // Everyone in a team has exactly one primary team: their first.
    expect(rows.filter((row) => (row.teams as string[]).length > 0 && (row.primaryTeams as string[]).length !== 1)).toEqual([]);
    expect(byEmail.get("tech.ouest@guichet.test")).toMatchObject({ role: "technician", teams: ["PROX-OUEST"] });
    expect(byEmail.get("secu@guichet.test")).toMatchObject({ role: "technician", teams: ["EQ-E-INFRA_SECU"] });
    expect(byEmail.get("dane37@guichet.test")).toMatchObject({ role: "academy_agent", teams: ["EQ-E-CAN37"] });
    expect(byEmail.get("sav.scc@guichet.test")).toMatchObject({ role: "vendor_agent", teams: ["PREST-SCC"] });
  });

  test("the database refuses an invalid UAI", async () => {
    for (const uai of ["0450051I", "045005L", "ABCDEFGH"]) {
      await expect(
        database().execute(sql`
        INSERT INTO establishments (uai, type, name, city, departement, zone_id)
        SELECT ${uai}, 'LGT', 'Test', 'Test', '45', id FROM zones LIMIT 1`),
      ).rejects.toMatchObject({ cause: { constraint: "establishments_uai_valid" } });
    }
  });
});
