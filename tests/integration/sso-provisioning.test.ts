import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { auditEvents, establishments, userEstablishments, users } from "@/db/schema";
import type { SsoClaimMapping } from "@/lib/domain/sso-provisioning";
import { provisionFromSso } from "@/lib/services/accounts/provision-from-sso";
import { auditActor } from "@/lib/services/audit/audit-actor";

const MAPPING: SsoClaimMapping = {
  email: "email",
  name: "name",
  uai: "uai",
  function: "fonction",
  functionMap: {
    DIR: { role: "manager", functionCode: "chef_etablissement" },
    DOC: { role: "requester", functionCode: "pas_une_fonction" },
  },
};
const actorOf = (who: { id: string | null; email: string | null }) => auditActor(new Headers({ "x-request-id": "sso-test" }), who);
const signIn = (claims: Record<string, unknown>) => provisionFromSso(claims, MAPPING, actorOf, new Date());

async function account(email: string) {
  const [row] = await database().select().from(users).where(eq(users.email, email));
  if (!row) return null;
  const schools = await database()
    .select({ uai: establishments.uai })
    .from(userEstablishments)
    .innerJoin(establishments, eq(establishments.id, userEstablishments.establishmentId))
    .where(eq(userEstablishments.userId, row.id));
  return { ...row, uais: schools.map((school) => school.uai).sort() };
}

const auditOf = (userId: string) =>
  database()
    .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, userId)))
    .orderBy(auditEvents.occurredAt);

describe("provisionFromSso", () => {
  test("opens a head's account at the first sign-in, then moves it with the claims, one audit row per change", async () => {
    const first = await signIn({ sub: "idp-1", email: "Dir.Vinci@Ac-Test.fr", name: "Léa Vinci", uai: "0410002e", fonction: "DIR" });
    expect(first.ok).toBe(true);
    const opened = (await account("dir.vinci@ac-test.fr"))!;
    expect(opened).toMatchObject({
      role: "manager",
      functionCode: "chef_etablissement",
      passwordHash: null,
      ssoSubject: "idp-1",
      name: "Léa Vinci",
      uais: ["0410002E"],
    });
    expect(first.ok && first.user).toEqual({ id: opened.id, tokenVersion: 0 });

    // The same claims again: nothing changes, nothing is recorded.
    expect((await signIn({ sub: "idp-1", email: "dir.vinci@ac-test.fr", uai: "0410002E", fonction: "DIR" })).ok).toBe(true);
    expect(await auditOf(opened.id)).toHaveLength(1);

    // Moved, and with a second school: loses the old one, gains both new ones; role and function stay.
    expect((await signIn({ sub: "idp-1", email: "dir.vinci@ac-test.fr", uai: ["0410031L", "0410030K"], fonction: "ENS" })).ok).toBe(true);
    expect(await account("dir.vinci@ac-test.fr")).toMatchObject({
      role: "manager",
      functionCode: "chef_etablissement",
      uais: ["0410030K", "0410031L"],
    });
    const trail = await auditOf(opened.id);
    expect(trail.map((row) => row.action)).toEqual(["account.created", "account.updated"]);
    expect(trail[0]).toMatchObject({
      actorId: opened.id,
      after: { email: "dir.vinci@ac-test.fr", role: "manager", establishments: ["0410002E"], source: "sso" },
    });
    expect(trail[1]).toMatchObject({ before: { establishments: ["0410002E"] }, after: { establishments: ["0410030K", "0410031L"] } });

    // Claims naming only schools Guichet does not know: refused, and the account keeps its schools.
    expect(await signIn({ sub: "idp-1", email: "dir.vinci@ac-test.fr", uai: "0750001U" })).toEqual({
      ok: false,
      reason: "etablissement-inconnu",
    });
    expect((await account("dir.vinci@ac-test.fr"))!.uais).toEqual(["0410030K", "0410031L"]);
  });

  test("refusals: no known school, no e-mail, a disabled account; nothing is written", async () => {
    expect(await signIn({ sub: "idp-2", email: "nobody@ac-test.fr", uai: ["0750001U", "pas-un-uai"] })).toEqual({
      ok: false,
      reason: "etablissement-inconnu",
    });
    expect(await account("nobody@ac-test.fr")).toBeNull();
    expect(await signIn({ sub: "idp-3", mail: "elsewhere@ac-test.fr", uai: "0410017W" })).toEqual({
      ok: false,
      reason: "adresse-manquante",
    });

    expect((await signIn({ sub: "idp-4", email: "off@ac-test.fr", uai: "0410017W" })).ok).toBe(true);
    const off = (await account("off@ac-test.fr"))!;
    await database().update(users).set({ disabledAt: new Date() }).where(eq(users.id, off.id));
    expect(await signIn({ sub: "idp-4", email: "off@ac-test.fr", uai: "0410036S", fonction: "DIR" })).toEqual({
      ok: false,
      reason: "compte-desactive",
    });
    expect(await account("off@ac-test.fr")).toMatchObject({ role: "requester", uais: ["0410017W"] });
  });

  test("a function code the Région has not recorded opens the account without a function", async () => {
    expect((await signIn({ sub: "idp-5", email: "doc@ac-test.fr", uai: "0410017W", fonction: "DOC" })).ok).toBe(true);
    expect(await account("doc@ac-test.fr")).toMatchObject({ role: "requester", functionCode: null });
  });

  test("an account the Région opened signs in by SSO as before: role, schools and password kept, the subject recorded", async () => {
    const before = (await account("chef.service@guichet.test"))!;
    const signedIn = await signIn({ sub: "idp-tech", email: "CHEF.SERVICE@guichet.test", uai: "0410017W", fonction: "DIR" });
    expect(signedIn).toEqual({ ok: true, user: { id: before.id, tokenVersion: before.tokenVersion } });
    expect(await account("chef.service@guichet.test")).toMatchObject({
      role: "service_lead",
      uais: before.uais,
      passwordHash: before.passwordHash,
      ssoSubject: "idp-tech",
    });
  });
});
