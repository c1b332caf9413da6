import type { ClientBase } from "pg";
import { hashPassword } from "@/lib/services/accounts/password-hash";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { FIRST_NAMES, LAST_NAMES, SCHOOL_FUNCTIONS } from "./vocabulary";

/** Extra on-site technicians per zone (30 in all, roughly the zones' staffing targets), on top of the demo ones. */
export const TECHNICIANS_PER_ZONE: Record<string, number> = { EST: 10, NORD: 5, SUD: 7, OUEST: 8 };
/** School staff who file the volume tickets, per school, besides the demo requesters. */
const STAFF_PER_SCHOOL = 4;

type Person = { email: string; name: string; role: "technician" | "requester"; team: string | null; uai: string | null };

const personName = (index: number) => `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7 + 3) % LAST_NAMES.length]}`;

function people(uais: readonly string[], techniciansPerZone: Record<string, number>): Person[] {
  const technicians = Object.entries(techniciansPerZone).flatMap(([zone, count], zoneIndex) =>
    Array.from({ length: count }, (_, n) => ({
      email: `bench.tech.${zone.toLowerCase()}.${String(n + 1).padStart(2, "0")}@guichet.test`,
      name: `${personName(zoneIndex * 10 + n)} (Technicien ${zone})`,
      role: "technician" as const,
      team: `PROX-${zone}`,
      uai: null,
    })),
  );
  const staff = uais.flatMap((uai, schoolIndex) =>
    Array.from({ length: STAFF_PER_SCHOOL }, (_, n) => ({
      email: `bench.personnel.${uai.toLowerCase()}.${n + 1}@guichet.test`,
      name: `${personName(100 + schoolIndex * STAFF_PER_SCHOOL + n)} (${SCHOOL_FUNCTIONS[(schoolIndex + n) % SCHOOL_FUNCTIONS.length]})`,
      role: "requester" as const,
      team: null,
      uai,
    })),
  );
  return [...technicians, ...staff];
}

/** Adds the volume's technicians (members of their zone's PROX team) and school staff; existing accounts are kept. Password: the demo one. */
export async function seedPeople(client: ClientBase, addedTechnicians: Record<string, number> = {}): Promise<void> {
  const { rows: schools } = await client.query<{ uai: string }>("SELECT uai FROM establishments ORDER BY uai");
  const list = people(
    schools.map((school) => school.uai),
    { ...TECHNICIANS_PER_ZONE, ...addedTechnicians },
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await client.query(
    `INSERT INTO users (email, name, role, password_hash)
     SELECT email, name, role::role, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS p(email, name, role)
     ON CONFLICT (email) DO NOTHING`,
    [list.map((p) => p.email), list.map((p) => p.name), list.map((p) => p.role), passwordHash],
  );
  await client.query(
    `INSERT INTO team_members (team_id, user_id)
     SELECT t.id, u.id FROM unnest($1::text[], $2::text[]) AS p(email, team) JOIN users u ON u.email = p.email JOIN teams t ON t.code = p.team
     ON CONFLICT DO NOTHING`,
    [list.filter((p) => p.team).map((p) => p.email), list.filter((p) => p.team).map((p) => p.team)],
  );
  await client.query(
    `INSERT INTO user_establishments (user_id, establishment_id)
     SELECT u.id, e.id FROM unnest($1::text[], $2::text[]) AS p(email, uai) JOIN users u ON u.email = p.email JOIN establishments e ON e.uai = p.uai
     ON CONFLICT DO NOTHING`,
    [list.filter((p) => p.uai).map((p) => p.email), list.filter((p) => p.uai).map((p) => p.uai)],
  );
}
