import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getEstablishment, PATCH as patchEstablishment } from "@/app/api/v1/establishments/[uai]/route";
import { POST as createEstablishment } from "@/app/api/v1/establishments/route";
import { PATCH as patchTeam } from "@/app/api/v1/teams/[code]/route";
import { GET as listTeams, POST as createTeam } from "@/app/api/v1/teams/route";
import { database } from "@/db/client";
import { auditEvents, configurationItems, establishments, teamMembers, teams, tickets, users, vendors, zones } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { encodeCursor } from "@/lib/schemas/cursor";
import type { EstablishmentJson, TeamJson } from "@/lib/schemas/organisation-responses";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readOnboardingBoard } from "@/lib/services/organisation/onboarding-board";
import { saveVendor } from "@/lib/services/organisation/save-vendor";
import { saveZone } from "@/lib/services/organisation/save-zone";
import { setOnboardingMeeting } from "@/lib/services/organisation/set-onboarding-meeting";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

let drop: () => Promise<void>;
let admin: string, requester: string, manager: string, technician: string, vendor: string;

beforeAll(async () => {
  drop = await useOwnDatabase("organisation");
  [admin, requester, manager, technician, vendor] = await Promise.all([
    tokenFor("admin@guichet.test"),
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("proviseur.choiseul@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
});
afterAll(() => drop());

type School = EstablishmentJson & ProblemBody;
type Team = TeamJson & ProblemBody;
const NEW_SCHOOL = { uai: "0371234R", name: "Lycée Rabelais", type: "LGT", city: "Chinon", departement: "37", zone: "OUEST" };

const postSchool = (token: string | undefined, body: unknown) =>
  callRoute<School>(createEstablishment, { path: "/establishments", token, body });
const getSchool = (token: string, uai: string) =>
  callRoute<School, { uai: string }>(getEstablishment, { path: `/establishments/${uai}`, token, params: { uai } });
const patchSchool = (token: string, uai: string, body: unknown) =>
  callRoute<School, { uai: string }>(patchEstablishment, { path: `/establishments/${uai}`, token, body, method: "PATCH", params: { uai } });
const getTeams = (token: string | undefined, query = "") =>
  callRoute<{ items: TeamJson[]; nextCursor: string | null } & ProblemBody>(listTeams, { path: `/teams${query}`, token });
const postTeam = (token: string, body: unknown) => callRoute<Team>(createTeam, { path: "/teams", token, body });
const patchTeamAs = (token: string, code: string, body: unknown) =>
  callRoute<Team, { code: string }>(patchTeam, { path: `/teams/${code}`, token, body, method: "PATCH", params: { code } });

/** The teams GET /teams lists, in its order: every one but the schools' own queues, by code. */
async function listedCodes() {
  const rows = await database().select({ code: teams.code }).from(teams).where(isNull(teams.establishmentId)).orderBy(asc(teams.code));
  return rows.map((row) => row.code);
}

async function auditCount(action: string) {
  return (await database().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, action))).length;
}

async function primaryTeams(email: string) {
  return database()
    .select({ code: teams.code })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(users.email, email), eq(teamMembers.isPrimary, true)));
}

describe("POST /establishments", () => {
  test("an admin creates a school with its own queue; one audit row", async () => {
    const before = await auditCount("establishment.created");
    const created = await postSchool(admin, { ...NEW_SCHOOL, uai: " 0371234r " });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/v1/establishments/0371234R");
    expect(created.body).toMatchObject({
      uai: "0371234R",
      name: "Lycée Rabelais",
      zone: { code: "OUEST" },
      supportMode: "normal",
      onboardingState: "a_integrer",
      rooms: [],
      contacts: [],
      updatedBy: "Administratrice Guichet",
    });
    expect(await auditCount("establishment.created")).toBe(before + 1);
    const [queue] = await database()
      .select({ code: teams.code })
      .from(teams)
      .innerJoin(establishments, eq(establishments.id, teams.establishmentId))
      .where(eq(establishments.uai, "0371234R"));
    expect(queue?.code).toBe("ETAB-0371234R");
  });

  test("refusals: wrong check letter, unknown zone, UAI taken, and every role but admin", async () => {
    const wrongLetter = await postSchool(admin, { ...NEW_SCHOOL, uai: "0371234A" });
    expect(wrongLetter.status).toBe(400);
    expect(wrongLetter.body.errors).toEqual([{ field: "uai", message: "UAI : la lettre de contrôle ne correspond pas aux chiffres." }]);
    const zone = await postSchool(admin, { ...NEW_SCHOOL, uai: "0371235S", zone: "NULLEPART" });
    expect(zone.status).toBe(400);
    expect(zone.body.errors).toEqual([{ field: "zone", message: "Zone inconnue." }]);
    const taken = await postSchool(admin, NEW_SCHOOL);
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe("Un établissement porte déjà l'UAI 0371234R.");
    for (const token of [requester, manager, technician, vendor]) {
      const refused = await postSchool(token, { ...NEW_SCHOOL, uai: "0371235S" });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await postSchool(undefined, NEW_SCHOOL)).status).toBe(401);
    expect(await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0371235S"))).toEqual([]);
  });
});

describe("GET /establishments/{uai}", () => {
  test("its staff by function, its zone's sector lead, for its own staff and the Région; 404 for another school's staff", async () => {
    await database().update(users).set({ functionCode: "csl" }).where(eq(users.email, "csl.choiseul@guichet.test"));
    await database().update(users).set({ functionCode: "chef_etablissement" }).where(eq(users.email, "proviseur.choiseul@guichet.test"));
    const own = await getSchool(requester, "0370037P");
    expect(own.status).toBe(200);
    expect(own.body.contacts.map((contact) => [contact.function, contact.email])).toEqual([
      ["Chef d'établissement", "proviseur.choiseul@guichet.test"],
      ["Correspondant support local (CSL)", "csl.choiseul@guichet.test"],
    ]);
    expect(own.body.sectorLeads.map((lead) => lead.email)).toEqual(["chef.ouest@guichet.test"]);
    expect((await getSchool(technician, "0450029M")).status).toBe(200);
    expect((await getSchool(requester, "0450029M")).status).toBe(404);
    expect((await getSchool(vendor, "0370037P")).status).toBe(404);
    expect((await getSchool(admin, "0370037Q")).status).toBe(404);
    expect((await getSchool(admin, "9999999Z")).status).toBe(404);
  });
});

describe("PATCH /establishments/{uai}", () => {
  test("an admin renames and sets the onboarding state: the last change's date and author follow; one audit row", async () => {
    const before = await auditCount("establishment.updated");
    const patched = await patchSchool(admin, "0371234R", { name: "Lycée François Rabelais", onboardingState: "en_cours" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Lycée François Rabelais",
      onboardingState: "en_cours",
      updatedBy: "Administratrice Guichet",
    });
    expect(await auditCount("establishment.updated")).toBe(before + 1);
  });

  test("refusals: school staff and technicians 403, unknown school 404, unknown field or zone 400; nothing changes", async () => {
    for (const token of [requester, manager, technician])
      expect((await patchSchool(token, "0370037P", { supportMode: "ouvert" })).status).toBe(403);
    expect((await patchSchool(admin, "0371235S", { name: "X" })).status).toBe(404);
    expect((await patchSchool(admin, "0370037P", { uai: "0371234R" })).status).toBe(400);
    expect((await patchSchool(admin, "0370037P", { zone: "NULLEPART" })).body.errors).toEqual([
      { field: "zone", message: "Zone inconnue." },
    ]);
    expect(
      (
        await patchSchool(admin, "0370037P", {
          rooms: [
            { room: "B204", supportMode: "ouvert" },
            { room: "b204 ", supportMode: "normal" },
          ],
        })
      ).body.errors,
    ).toEqual([{ field: "rooms", message: "Chaque salle une seule fois." }]);
    expect((await getSchool(admin, "0370037P")).body).toMatchObject({ supportMode: "normal", zone: { code: "OUEST" }, rooms: [] });
  });
});

/** Monday 2026-11-23 09:00 in Paris: a P2 incident is due Tuesday 09:00 (600 business minutes), in `ouvert` mode Thursday 09:00. */
const MONDAY_9 = new Date("2026-11-23T08:00:00Z");
const NORMAL_DUE = new Date("2026-11-24T08:00:00Z");
const OUVERT_DUE = new Date("2026-11-26T08:00:00Z");

async function file(caller: Caller, uai: string, ciIds: string[]) {
  const created = await createTicket(
    caller,
    {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: uai,
      title: "Le poste ne démarre plus",
      description: "Écran noir.",
      impact: "group",
      urgency: "high",
      fields: {},
      ciIds,
    },
    [],
    MONDAY_9,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return created.value.reference;
}
const resolveBy = async (reference: string) =>
  (await database().select({ resolveBy: tickets.resolveBy }).from(tickets).where(eq(tickets.reference, reference)))[0]!.resolveBy;

describe("support modes and the SLA", () => {
  test("equipment in a room declared `ouvert` of a `normal` school takes the room's commitments, other rooms the school's", async () => {
    const csl = await callerFor("csl.choiseul@guichet.test");
    const pcs = await database()
      .select({ id: configurationItems.id })
      .from(configurationItems)
      .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
      .where(and(eq(establishments.uai, "0370037P"), eq(configurationItems.class, "pc")))
      .limit(2);
    expect(pcs).toHaveLength(2);
    await database().update(configurationItems).set({ room: "B204" }).where(eq(configurationItems.id, pcs[0]!.id));
    await database().update(configurationItems).set({ room: "A101" }).where(eq(configurationItems.id, pcs[1]!.id));
    const inB204 = await file(csl, "0370037P", [pcs[0]!.id]);
    const inA101 = await file(csl, "0370037P", [pcs[1]!.id]);
    expect(await resolveBy(inB204)).toEqual(NORMAL_DUE);

    // Declaring the room recomputes the open tickets about its equipment; a ticket filed afterwards has the room's commitments from the start.
    const declared = await patchSchool(admin, "0370037P", { rooms: [{ room: "b204", supportMode: "ouvert" }] });
    expect(declared.status).toBe(200);
    expect(declared.body.rooms).toEqual([{ room: "b204", supportMode: "ouvert" }]);
    expect(await resolveBy(inB204)).toEqual(OUVERT_DUE);
    expect(await resolveBy(inA101)).toEqual(NORMAL_DUE);
    expect(await resolveBy(await file(csl, "0370037P", [pcs[0]!.id]))).toEqual(OUVERT_DUE);
    expect(await resolveBy(await file(csl, "0370037P", []))).toEqual(NORMAL_DUE);
    expect(await resolveBy(await file(csl, "0370037P", [pcs[0]!.id, pcs[1]!.id]))).toEqual(NORMAL_DUE);

    await patchSchool(admin, "0370037P", { rooms: [] });
    expect(await resolveBy(inB204)).toEqual(NORMAL_DUE);
  });

  test("a `normal` → `ouvert` change triples the time to resolve of the school's open tickets, and back", async () => {
    const open = await file(await callerFor("csl.choiseul@guichet.test"), "0370037P", []);
    const otherSchool = await file(await callerFor("csl.palissy@guichet.test"), "0450029M", []);
    const otherBefore = await resolveBy(otherSchool);
    expect(await resolveBy(open)).toEqual(NORMAL_DUE);
    expect((await patchSchool(admin, "0370037P", { supportMode: "ouvert" })).body.supportMode).toBe("ouvert");
    expect(await resolveBy(open)).toEqual(OUVERT_DUE);
    expect(await resolveBy(otherSchool)).toEqual(otherBefore);
    await patchSchool(admin, "0370037P", { supportMode: "normal" });
    expect(await resolveBy(open)).toEqual(NORMAL_DUE);
  });
});

describe("teams", () => {
  test("GET /teams: the teams and their members for support staff in one page by default, 403 for school staff, 401 without a token", async () => {
    const listed = await getTeams(technician);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((team) => team.code)).toEqual(await listedCodes());
    expect(listed.body.nextCursor).toBeNull();
    expect(listed.body.items.find((team) => team.code === "PROX-OUEST")?.members.map((member) => member.email)).toEqual(
      expect.arrayContaining(["tech.ouest@guichet.test"]),
    );
    expect(listed.body.items.some((team) => team.code.startsWith("ETAB-"))).toBe(false);
    for (const token of [requester, manager]) expect((await getTeams(token)).status).toBe(403);
    expect((await getTeams(undefined)).status).toBe(401);
  });

  test("GET /teams pages by code: each page `limit` teams with their members, the last one's nextCursor null", async () => {
    const expected = await listedCodes();
    expect(expected.length).toBeGreaterThan(20);
    const first = await getTeams(admin, "?limit=10");
    expect(first.body.items.map((team) => team.code)).toEqual(expected.slice(0, 10));
    const second = await getTeams(admin, `?limit=10&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((team) => team.code)).toEqual(expected.slice(10, 20));
    // The members come with their team on every page, as on one page.
    const whole = (await getTeams(admin, "?limit=100")).body.items;
    expect([...first.body.items, ...second.body.items]).toEqual(whole.slice(0, 20));

    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof getTeams>> = await getTeams(admin, `?limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      walked.push(...page.body.items.map((team) => team.code));
      cursor = page.body.nextCursor;
      if (cursor) expect(page.body.items).toHaveLength(10);
      pages++;
    } while (cursor);
    expect(walked).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 10));
  });

  test("GET /teams?q= keeps the teams whose code or name contains the words", async () => {
    expect((await getTeams(admin, "?q=prox-")).body.items.map((team) => team.code)).toEqual([
      "PROX-EST",
      "PROX-NORD",
      "PROX-OUEST",
      "PROX-SUD",
    ]);
    expect((await getTeams(admin, `?q=${encodeURIComponent("Prestataire SCC")}`)).body.items.map((team) => team.code)).toEqual([
      "PREST-SCC",
    ]);
    expect((await getTeams(admin, "?q=zz9q")).body).toEqual({ items: [], nextCursor: null });
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["cursor=abc", "cursor"],
    [`cursor=${encodeCursor({ code: 3 })}`, "cursor.code"],
  ])("GET /teams?%s: 400 on %s", async (query, field) => {
    const refused = await getTeams(admin, `?${query}`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toBe(field);
  });

  test("GET /teams?limit=1 and limit=100 are accepted", async () => {
    const one = await getTeams(admin, "?limit=1");
    expect(one.body.items).toHaveLength(1);
    expect(one.body.nextCursor).not.toBeNull();
    expect((await getTeams(admin, "?limit=100")).status).toBe(200);
  });

  test("an admin creates a team whose member makes it their main team; one audit row", async () => {
    const before = await auditCount("team.created");
    const created = await postTeam(admin, {
      code: "prox-chinon",
      name: "Proximité Chinon",
      party: "region",
      zone: "OUEST",
      members: [{ email: "Tech.Ouest@guichet.test", primary: true }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: "PROX-CHINON",
      name: "Proximité Chinon",
      party: "region",
      zone: "OUEST",
      members: [{ email: "tech.ouest@guichet.test", name: "Thomas Leroy (Technicien Ouest)", primary: true }],
    });
    expect(await primaryTeams("tech.ouest@guichet.test")).toEqual([{ code: "PROX-CHINON" }]);
    expect(await auditCount("team.created")).toBe(before + 1);
    expect((await getTeams(admin, "?q=chinon")).body.items).toEqual([created.body]);
  });

  test("refusals on creation: code taken 409, unknown or disabled member 422 and no team, school staff 403", async () => {
    expect((await postTeam(admin, { code: "PROX-CHINON", name: "Doublon", party: "region" })).status).toBe(409);
    const unknown = await postTeam(admin, {
      code: "EQ-FANTOME",
      name: "Fantôme",
      party: "region",
      members: [{ email: "personne@guichet.test" }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: "members", message: "Aucun compte pour personne@guichet.test." }]);
    expect(unknown.body.detail).toBe("Vérifiez les membres.");
    expect((await postTeam(admin, { code: "EQ-FANTOME", name: "Fantôme", party: "nulle" })).status).toBe(400);
    await database().update(users).set({ disabledAt: new Date() }).where(eq(users.email, "dane37@guichet.test"));
    const disabled = await postTeam(admin, {
      code: "EQ-FANTOME",
      name: "Fantôme",
      party: "academy",
      members: [{ email: "dane37@guichet.test" }],
    });
    expect(disabled.status).toBe(422);
    expect(disabled.body.errors).toEqual([{ field: "members", message: "Le compte dane37@guichet.test est désactivé." }]);
    for (const token of [requester, manager, technician])
      expect((await postTeam(token, { code: "EQ-FANTOME", name: "Fantôme", party: "region" })).status).toBe(403);
    expect(await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "EQ-FANTOME"))).toEqual([]);
  });

  test("PATCH /teams/{code}: members are the whole list; who leaves their main team gets their longest-held one back", async () => {
    const before = await auditCount("team.updated");
    const patched = await patchTeamAs(admin, "PROX-CHINON", {
      name: "Proximité Chinon-Loudun",
      members: [{ email: "tech.est@guichet.test" }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.members).toEqual([{ email: "tech.est@guichet.test", name: "Emma Moreau (Technicienne Est)", primary: false }]);
    expect(await primaryTeams("tech.ouest@guichet.test")).toEqual([{ code: "PROX-OUEST" }]);
    expect(await primaryTeams("tech.est@guichet.test")).toEqual([{ code: "PROX-EST" }]);
    expect(await auditCount("team.updated")).toBe(before + 1);

    const primary = await patchTeamAs(admin, "PROX-CHINON", { members: [{ email: "tech.est@guichet.test", primary: true }] });
    expect(primary.body.members[0]!.primary).toBe(true);
    expect(await primaryTeams("tech.est@guichet.test")).toEqual([{ code: "PROX-CHINON" }]);
  });

  test("PATCH refusals: unknown team and a school's queue 404, school staff and technicians 403, unknown member 422 keeps the team", async () => {
    expect((await patchTeamAs(admin, "EQ-FANTOME", { name: "X" })).status).toBe(404);
    expect((await patchTeamAs(admin, "ETAB-0370037P", { name: "X" })).status).toBe(404);
    for (const token of [requester, manager, technician]) expect((await patchTeamAs(token, "PROX-CHINON", { name: "X" })).status).toBe(403);
    expect((await patchTeamAs(admin, "PROX-CHINON", { members: [{ email: "personne@guichet.test" }] })).status).toBe(422);
    const [team] = await database().select({ name: teams.name, id: teams.id }).from(teams).where(eq(teams.code, "PROX-CHINON"));
    expect(team!.name).toBe("Proximité Chinon-Loudun");
    expect(
      await database()
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(inArray(teamMembers.teamId, [team!.id])),
    ).toHaveLength(1);
  });
});

describe("onboarding", () => {
  test("an admin records RDV1; the Région sees where every school stands, a sector lead their zone, school staff nothing", async () => {
    const adminCaller = await callerFor("admin@guichet.test");
    const set = await setOnboardingMeeting(
      adminCaller,
      { uai: "0371234R", meeting: "rdv1", plannedOn: "2026-12-10", heldOn: null, notes: "Lancement avec le proviseur." },
      MONDAY_9,
      SYSTEM_ACTOR,
    );
    expect(set.ok).toBe(true);
    expect((await getSchool(admin, "0371234R")).body.onboardingMeetings).toEqual([
      { meeting: "rdv1", plannedOn: "2026-12-10", heldOn: null, notes: "Lancement avec le proviseur." },
    ]);
    const future = await setOnboardingMeeting(
      adminCaller,
      { uai: "0371234R", meeting: "rdv2", plannedOn: null, heldOn: "2026-12-01", notes: null },
      MONDAY_9,
      SYSTEM_ACTOR,
    );
    expect(future).toMatchObject({ ok: false, failure: { kind: "invalid" } });
    const refused = await setOnboardingMeeting(
      await callerFor("tech.ouest@guichet.test"),
      { uai: "0371234R", meeting: "rdv2", plannedOn: null, heldOn: null, notes: null },
      MONDAY_9,
      SYSTEM_ACTOR,
    );
    expect(refused).toMatchObject({ ok: false, failure: { kind: "forbidden" } });

    const board = (await readOnboardingBoard(adminCaller))!;
    expect(board.counts.en_cours).toBe(1);
    expect(board.schools.find((school) => school.uai === "0371234R")).toMatchObject({
      state: "en_cours",
      meetings: [{ meeting: "rdv1", plannedOn: "2026-12-10" }],
    });
    const sectorBoard = (await readOnboardingBoard(await callerFor("chef.ouest@guichet.test")))!;
    const zones = new Set(sectorBoard.schools.map((school) => school.zoneName));
    expect(zones.size).toBe(1);
    expect(sectorBoard.schools.length).toBeLessThan(board.schools.length);
    expect(await readOnboardingBoard(await callerFor("proviseur.choiseul@guichet.test"))).toBeNull();
    expect(await readOnboardingBoard(await callerFor("tech.ouest@guichet.test"))).toBeNull();
  });
});

describe("vendors and zones", () => {
  test("an admin adds a vendor (with its agents' queue) and edits it; a name taken is refused; one audit row each", async () => {
    const adminCaller = await callerFor("admin@guichet.test");
    const created = await saveVendor(
      adminCaller,
      { id: null, name: "Axians", contractReference: "MAR-2026-014", contactEmail: "support@axians.test" },
      SYSTEM_ACTOR,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    expect(await database().select({ code: teams.code }).from(teams).where(eq(teams.vendorId, created.value.id))).toEqual([
      { code: "PREST-AXIANS" },
    ]);
    const edited = await saveVendor(
      adminCaller,
      { id: created.value.id, name: "Axians", contractReference: "MAR-2026-015", contactEmail: null },
      SYSTEM_ACTOR,
    );
    expect(edited.ok).toBe(true);
    expect(
      (
        await database()
          .select({ ref: vendors.contractReference, contact: vendors.contactEmail })
          .from(vendors)
          .where(eq(vendors.id, created.value.id))
      )[0],
    ).toEqual({ ref: "MAR-2026-015", contact: null });
    expect(await auditCount("vendor.created")).toBe(1);
    expect(await auditCount("vendor.updated")).toBe(1);
    expect(await saveVendor(adminCaller, { id: created.value.id, name: "SCC" }, SYSTEM_ACTOR)).toMatchObject({
      ok: false,
      failure: { kind: "conflict" },
    });
    expect(await saveVendor(await callerFor("tech.ouest@guichet.test"), { name: "Pirate" }, SYSTEM_ACTOR)).toMatchObject({
      ok: false,
      failure: { kind: "forbidden" },
    });
    expect(await database().select({ id: vendors.id }).from(vendors).where(eq(vendors.name, "Pirate"))).toEqual([]);
  });

  test("an admin creates a zone, then edits it by its code; others are refused", async () => {
    const adminCaller = await callerFor("admin@guichet.test");
    expect(await saveZone(adminCaller, { code: "CENTRE", name: "Zone Centre", departements: ["41"] }, SYSTEM_ACTOR)).toEqual({
      ok: true,
      value: { created: true },
    });
    expect(await saveZone(adminCaller, { code: "CENTRE", name: "Zone Centre", departements: ["41", "36"] }, SYSTEM_ACTOR)).toEqual({
      ok: true,
      value: { created: false },
    });
    expect(
      (await database().select({ departements: zones.departements }).from(zones).where(eq(zones.code, "CENTRE")))[0]!.departements,
    ).toEqual(["41", "36"]);
    expect(await auditCount("zone.created")).toBe(1);
    expect(await auditCount("zone.updated")).toBe(1);
    expect(
      await saveZone(await callerFor("chef.ouest@guichet.test"), { code: "CENTRE", name: "X", departements: [] }, SYSTEM_ACTOR),
    ).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect((await database().select({ name: zones.name }).from(zones).where(eq(zones.code, "CENTRE")))[0]!.name).toBe("Zone Centre");
  });
});
