import type { ClientBase } from "pg";
import { uaiCheckLetter } from "@/lib/domain/uai";
import { LAST_NAMES } from "./vocabulary";

/**
 * The national deployment of issue 19: every metropolitan Région's public lycées in one Guichet. The schema
 * has no Région entity: a Région is the group of its zones, one zone per département, coded
 * `<Région code>-<département>` (e.g. `IDF-93`) and named after the Région and the département. The demo's
 * Région (Centre-Val de Loire, zones EST/NORD/SUD/OUEST and their 20 schools) stays as it is; the twelve others
 * are added with roughly their real share of lycées (about 1,980 schools in all), each zone with its on-site team
 * `PROX-<zone>` (the default routing rule's `PROX-{zone}`) and each département its academy team
 * `EQ-E-CAN<département>` (the rule's `EQ-E-CAN{departement}`) and each school its own queue `ETAB-<uai>`, so the
 * real router gives every ticket its team.
 */
export type Region = { code: string; name: string; departements: readonly string[]; lycees: number };

export const DEMO_REGION = { code: "CVL", name: "Centre-Val de Loire" } as const;

/** The twelve other metropolitan Régions, their départements and about how many public lycées each counts. */
export const OTHER_REGIONS: readonly Region[] = [
  {
    code: "ARA",
    name: "Auvergne-Rhône-Alpes",
    departements: ["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"],
    lycees: 250,
  },
  { code: "BFC", name: "Bourgogne-Franche-Comté", departements: ["21", "25", "39", "58", "70", "71", "89", "90"], lycees: 90 },
  { code: "BRE", name: "Bretagne", departements: ["22", "29", "35", "56"], lycees: 115 },
  { code: "COR", name: "Corse", departements: ["2A", "2B"], lycees: 14 },
  { code: "GES", name: "Grand Est", departements: ["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"], lycees: 180 },
  { code: "HDF", name: "Hauts-de-France", departements: ["02", "59", "60", "62", "80"], lycees: 230 },
  { code: "IDF", name: "Île-de-France", departements: ["75", "77", "78", "91", "92", "93", "94", "95"], lycees: 470 },
  { code: "NOR", name: "Normandie", departements: ["14", "27", "50", "61", "76"], lycees: 110 },
  {
    code: "NAQ",
    name: "Nouvelle-Aquitaine",
    departements: ["16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87"],
    lycees: 190,
  },
  {
    code: "OCC",
    name: "Occitanie",
    departements: ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"],
    lycees: 190,
  },
  { code: "PDL", name: "Pays de la Loire", departements: ["44", "49", "53", "72", "85"], lycees: 120 },
  { code: "PAC", name: "Provence-Alpes-Côte d'Azur", departements: ["04", "05", "06", "13", "83", "84"], lycees: 160 },
];

/** On-site technicians per added zone: one for four schools (the demo Région's agents target is about one for four). */
const SCHOOLS_PER_TECHNICIAN = 4;
const SCHOOL_TYPES = ["LPO", "LGT", "LP", "LPO", "LP", "LGT", "LG"];
const TOTAL_ADDED = OTHER_REGIONS.reduce((sum, region) => sum + region.lycees, 0);

/** The first three digits of a UAI in a département (Corsica: 620 and 720). */
const uaiPrefix = (departement: string) => (departement === "2A" ? "620" : departement === "2B" ? "720" : `0${departement}`);

type School = { uai: string; type: string; name: string; city: string; departement: string; zone: string };
type Zone = { code: string; name: string; departement: string; schools: number };

/** The added zones and schools, `fraction` of the national count (at least one school per Région). */
export function nationalGeography(schoolCount: number): { zones: Zone[]; schools: School[] } {
  const zones: Zone[] = [];
  const schools: School[] = [];
  let nameIndex = 0;
  for (const region of OTHER_REGIONS) {
    const count = Math.max(1, Math.round((region.lycees / TOTAL_ADDED) * schoolCount));
    region.departements.forEach((departement, d) => {
      // Schools spread over the départements in turn; a département left without one gets no zone.
      const inZone = Math.floor(count / region.departements.length) + (d < count % region.departements.length ? 1 : 0);
      if (inZone === 0) return;
      const zone = `${region.code}-${departement}`;
      zones.push({ code: zone, name: `${region.name} · zone ${departement}`, departement, schools: inZone });
      for (let n = 0; n < inZone; n++) {
        const digits = `${uaiPrefix(departement)}${String(5000 + n).padStart(4, "0")}`;
        const lastName = LAST_NAMES[nameIndex++ % LAST_NAMES.length]!;
        schools.push({
          uai: `${digits}${uaiCheckLetter(digits)}`,
          type: SCHOOL_TYPES[(n + d) % SCHOOL_TYPES.length]!,
          name: `Lycée ${lastName} ${n + 1}`,
          city: `${region.name} (${departement})`,
          departement,
          zone,
        });
      }
    });
  }
  return { zones, schools };
}

/** The added Régions' technicians per zone, for seedPeople. */
export function nationalTechnicians(zones: readonly Zone[]): Record<string, number> {
  return Object.fromEntries(zones.map((zone) => [zone.code, Math.ceil(zone.schools / SCHOOLS_PER_TECHNICIAN)]));
}

/** Adds the other Régions' zones, schools and teams (set-based; existing rows are kept). Returns the zones added. */
export async function addNationalGeography(client: ClientBase, schoolCount: number): Promise<Zone[]> {
  const { zones, schools } = nationalGeography(schoolCount);
  await client.query(
    `INSERT INTO zones (code, name, departements) SELECT code, name, ARRAY[departement]
     FROM unnest($1::text[], $2::text[], $3::text[]) AS z(code, name, departement) ON CONFLICT (code) DO NOTHING`,
    [zones.map((z) => z.code), zones.map((z) => z.name), zones.map((z) => z.departement)],
  );
  await client.query(
    `INSERT INTO establishments (uai, type, name, city, departement, zone_id, support_mode)
     SELECT s.uai, s.type, s.name, s.city, s.departement, z.id, 'normal'::support_mode
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS s(uai, type, name, city, departement, zone)
     JOIN zones z ON z.code = s.zone ON CONFLICT (uai) DO NOTHING`,
    [
      schools.map((s) => s.uai),
      schools.map((s) => s.type),
      schools.map((s) => s.name),
      schools.map((s) => s.city),
      schools.map((s) => s.departement),
      schools.map((s) => s.zone),
    ],
  );
  await client.query(
    `INSERT INTO teams (code, name, party, scope, zone_id)
     SELECT 'PROX-' || z.code, 'Proximité ' || z.name, 'region'::party, 'On-site (proximity) technicians', z.id
     FROM zones z WHERE z.code = ANY($1::text[])
     UNION ALL
     SELECT DISTINCT 'EQ-E-CAN' || d, 'Équipe CAN ' || d, 'academy'::party, 'Academy support, département ' || d, NULL::uuid
     FROM unnest($2::text[]) AS d
     ON CONFLICT (code) DO NOTHING`,
    [zones.map((z) => z.code), [...new Set(zones.map((z) => z.departement))]],
  );
  // Each school's own queue (the default rule's `ETAB-{uai}` for the tasks a school does itself), as db/seed/reference.ts makes them.
  await client.query(
    `INSERT INTO teams (code, name, party, scope, establishment_id)
     SELECT 'ETAB-' || e.uai, 'File de l''établissement – ' || e.name, 'school'::party, 'Tâches réalisées par l''établissement lui-même', e.id
     FROM establishments e WHERE e.uai = ANY($1::text[])
     ON CONFLICT (code) DO NOTHING`,
    [schools.map((s) => s.uai)],
  );
  return zones;
}
