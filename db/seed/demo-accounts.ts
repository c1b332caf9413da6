import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { establishments, teamMembers, teams, userEstablishments, users, zones } from "@/db/schema";
import { hashPassword } from "@/lib/services/accounts/password-hash";
import type { Role } from "@/lib/domain/vocabulary";
import { schoolQueueCode, vendorTeamCode } from "./reference";

export const DEMO_PASSWORD = "demo-guichet-2026";

type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  establishments?: string[];
  teams?: string[];
  zone?: string;
  functionCode?: string;
};

/** The demo accounts of the README; never loaded by `--reference-only`. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@guichet.test", name: "Administratrice Guichet", role: "admin" },
  {
    email: "csl.choiseul@guichet.test",
    name: "Claire Martin (CSL Choiseul)",
    role: "requester",
    functionCode: "csl",
    establishments: ["0370037P"],
    teams: [schoolQueueCode("0370037P")],
  },
  {
    email: "proviseur.choiseul@guichet.test",
    name: "Paul Bernard (Proviseur Choiseul)",
    role: "manager",
    functionCode: "chef_etablissement",
    establishments: ["0370037P"],
  },
  {
    email: "csl.palissy@guichet.test",
    name: "Sophie Petit (CSL Palissy)",
    role: "requester",
    functionCode: "csl",
    establishments: ["0450029M"],
    teams: [schoolQueueCode("0450029M")],
  },
  { email: "tech.ouest@guichet.test", name: "Thomas Leroy (Technicien Ouest)", role: "technician", teams: ["PROX-OUEST"] },
  { email: "tech.est@guichet.test", name: "Emma Moreau (Technicienne Est)", role: "technician", teams: ["PROX-EST"] },
  {
    email: "chef.ouest@guichet.test",
    name: "Luc Girard (Chef de secteur Ouest)",
    role: "sector_lead",
    zone: "OUEST",
    teams: ["PROX-OUEST"],
  },
  { email: "chef.service@guichet.test", name: "Nadia Roux (Cheffe de service)", role: "service_lead" },
  { email: "secu@guichet.test", name: "Hugo Fontaine (Infra Sécurité)", role: "technician", teams: ["EQ-E-INFRA_SECU"] },
  { email: "dsi@guichet.test", name: "Julie Blanc (DSI Académie)", role: "academy_agent", teams: ["EQ-E-EOLE"] },
  { email: "dane37@guichet.test", name: "Marc Chevalier (DANE 37)", role: "academy_agent", teams: ["EQ-E-CAN37"] },
  { email: "sav.scc@guichet.test", name: "Service après-vente SCC", role: "vendor_agent", teams: [vendorTeamCode("SCC")] },
];

export async function seedDemoAccounts(tx: Executor): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const zoneRows = await tx.select({ id: zones.id, code: zones.code }).from(zones);
  const zoneId = new Map(zoneRows.map((row) => [row.code, row.id]));

  await tx
    .insert(users)
    .values(
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        passwordSetAt: new Date(),
        functionCode: account.functionCode ?? null,
        zoneId: account.zone ? zoneId.get(account.zone)! : null,
      })),
    )
    .onConflictDoNothing({ target: users.email });

  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  const userId = new Map(userRows.map((row) => [row.email, row.id]));

  for (const account of DEMO_ACCOUNTS) {
    const id = userId.get(account.email)!;
    for (const uai of account.establishments ?? []) {
      const [school] = await tx.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
      await tx.insert(userEstablishments).values({ userId: id, establishmentId: school!.id }).onConflictDoNothing();
    }
    for (const [index, code] of (account.teams ?? []).entries()) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.code, code));
      // The first team listed is the person's primary one.
      await tx
        .insert(teamMembers)
        .values({ userId: id, teamId: team!.id, isPrimary: index === 0 })
        .onConflictDoNothing();
    }
  }
}
