import type { ClientBase } from "pg";
import type { Database } from "@/db/client";
import { loadRoutingRules } from "@/db/queries/routing-rules";
import { openToSupportMode } from "@/lib/domain/filing-rules";
import { route } from "@/lib/domain/routing";
import type { SupportMode, TicketType } from "@/lib/domain/vocabulary";
import { CATEGORY_PROFILES } from "./vocabulary";

type School = { id: string; uai: string; zone: string; departement: string; type: string; supportMode: SupportMode };
type Category = {
  id: string;
  code: string;
  type: TicketType;
  hardware: boolean;
  schoolTask: boolean;
  serviceId: string;
  serviceCode: string;
};

/** A school × category pair the volume draws tickets from, with the team the router gives it. */
type Combo = {
  school: School;
  category: Category;
  weight: number;
  teamCode: string | null;
  ruleId: string | null;
  ruleName: string | null;
  watcherCode: string | null;
};

/** 0.6–1.4 from the UAI, vocational lycées a little smaller: some schools file more than others, the same ones every run. */
function schoolWeight(school: School): number {
  let hash = 0;
  for (const char of school.uai) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (0.6 + (hash % 81) / 100) * (/professionnel/i.test(school.type) ? 0.8 : 1);
}

/**
 * Every school × category the school may file, weighted by how often it is filed, with the team
 * the real router (the seeded default rules, through `route`) picks; loaded into `bench_combos`
 * and `bench_combo_slots` (one row per unit of weight) so SQL draws a pair with one equality join.
 * Returns the number of slots.
 */
export async function loadRoutedCombos(client: ClientBase, db: Database): Promise<number> {
  // One after the other: they share the seeding session (and its transaction).
  const { rows: schools } =
    await client.query<School>(`SELECT e.id, e.uai, z.code AS zone, e.departement, e.type, e.support_mode AS "supportMode"
    FROM establishments e JOIN zones z ON z.id = e.zone_id ORDER BY e.uai`);
  const { rows: categories } =
    await client.query<Category>(`SELECT c.id, c.code, c.type, c.hardware, c.school_task IS NOT NULL AS "schoolTask",
    s.id AS "serviceId", s.code AS "serviceCode" FROM categories c JOIN services s ON s.id = c.service_id ORDER BY c.code`);
  const rules = await loadRoutingRules(db);
  const combos: Combo[] = [];
  for (const school of schools) {
    for (const category of categories) {
      const profile = CATEGORY_PROFILES[category.code];
      if (!profile || !openToSupportMode(category, school.supportMode)) continue;
      const decision = route(rules, {
        type: category.type,
        serviceCode: category.serviceCode,
        categoryCode: category.code,
        schoolTask: category.schoolTask,
        establishment: {
          uai: school.uai,
          zone: school.zone,
          departement: school.departement,
          type: school.type,
          supportMode: school.supportMode,
        },
        ciClasses: profile.ciClass ? [profile.ciClass] : [],
        priority: "P3",
      });
      combos.push({
        school,
        category,
        weight: Math.max(1, Math.round(profile.weight * schoolWeight(school))),
        teamCode: decision.teamCode,
        ruleId: decision.rule?.id ?? null,
        ruleName: decision.rule?.name ?? null,
        watcherCode: decision.watcherTeamCodes[0] ?? null,
      });
    }
  }

  await client.query(`CREATE TEMP TABLE bench_combos (
    combo int PRIMARY KEY, establishment_id uuid, zone_code text, category_id uuid, category_code text, service_id uuid, type ticket_type,
    hardware boolean, ci_class ci_class, team_id uuid, team_code text, team_name text, prox boolean, rule_id uuid, rule_name text,
    watcher_team_id uuid, n_titles int, n_details int) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO bench_combos
     SELECT c.ordinality, c.establishment_id, c.zone_code, c.category_id, c.category_code, c.service_id, c.type::ticket_type, c.hardware,
            c.ci_class::ci_class, t.id, t.code, t.name, t.code LIKE 'PROX-%', c.rule_id, c.rule_name, w.id, c.n_titles, c.n_details
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[], $13::int[], $14::int[])
          WITH ORDINALITY AS c(establishment_id, zone_code, category_id, category_code, service_id, type, hardware, ci_class, team_code, rule_id, rule_name, watcher_code, n_titles, n_details, ordinality)
     LEFT JOIN teams t ON t.code = c.team_code
     LEFT JOIN teams w ON w.code = c.watcher_code`,
    [
      combos.map((c) => c.school.id),
      combos.map((c) => c.school.zone),
      combos.map((c) => c.category.id),
      combos.map((c) => c.category.code),
      combos.map((c) => c.category.serviceId),
      combos.map((c) => c.category.type),
      combos.map((c) => c.category.hardware),
      combos.map((c) => CATEGORY_PROFILES[c.category.code]!.ciClass ?? null),
      combos.map((c) => c.teamCode),
      combos.map((c) => c.ruleId),
      combos.map((c) => c.ruleName),
      combos.map((c) => c.watcherCode),
      combos.map((c) => CATEGORY_PROFILES[c.category.code]!.titles.length),
      combos.map((c) => CATEGORY_PROFILES[c.category.code]!.details.length),
    ],
  );
  await client.query(`CREATE TEMP TABLE bench_combo_slots (slot int PRIMARY KEY, combo int) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO bench_combo_slots SELECT row_number() OVER (ORDER BY c.combo, g) - 1, c.combo
     FROM unnest($1::int[]) WITH ORDINALITY AS c(weight, combo), generate_series(1, c.weight) AS g`,
    [combos.map((c) => c.weight)],
  );

  await client.query(
    `CREATE TEMP TABLE bench_phrases (category_code text, kind text, k int, text text, PRIMARY KEY (category_code, kind, k)) ON COMMIT DROP`,
  );
  const phrases = Object.entries(CATEGORY_PROFILES).flatMap(([code, profile]) => [
    ...profile.titles.map((text, k) => ({ code, kind: "title", k, text })),
    ...profile.details.map((text, k) => ({ code, kind: "detail", k, text })),
  ]);
  await client.query(`INSERT INTO bench_phrases SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[])`, [
    phrases.map((p) => p.code),
    phrases.map((p) => p.kind),
    phrases.map((p) => p.k),
    phrases.map((p) => p.text),
  ]);
  return combos.reduce((sum, combo) => sum + combo.weight, 0);
}
