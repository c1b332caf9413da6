import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as getCi, PATCH as patchCi } from "@/app/api/v1/cis/[id]/route";
import { GET as exportCsv } from "@/app/api/v1/cis/export/route";
import { POST as importCsv } from "@/app/api/v1/cis/import/route";
import { GET as listCis, POST as createCi } from "@/app/api/v1/cis/route";
import { POST as createTicket } from "@/app/api/v1/tickets/route";
import { database } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi";
import { ciHistory, configurationItems, establishments, users } from "@/db/schema";
import { bulkSetStatus } from "@/lib/services/cmdb/save-ci";
import { ciPage } from "@/lib/services/cmdb/read-ci";
import { exportCis } from "@/lib/services/cmdb/export-cis";
import { listCisQuery } from "@/lib/schemas/cis";
import { API, callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";

type Ci = {
  id: string;
  name: string;
  class: string;
  status: string;
  room: string | null;
  serialNumber: string | null;
  attributes: Record<string, unknown>;
  establishment: { uai: string; name: string };
  warranty: { end: string | null; source: string | null; active: boolean | null };
  ownership: { transfer: string | null; school: boolean };
  renewal: { candidate: boolean; reason: string | null };
  parent: { id: string; name: string } | null;
};
type Page = { items: Ci[]; nextCursor: string | null };
type ImportAnswer = {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reasons: string[] }>;
  encoding: string;
  delimiter: string;
  rows: Array<{ line: number; action: string; name: string }>;
};

let choiseul: string, palissy: string, proviseur: string, techOuest: string, techEst: string, admin: string, scc: string;

beforeAll(async () => {
  [choiseul, palissy, proviseur, techOuest, techEst, admin, scc] = await Promise.all([
    tokenFor("csl.choiseul@guichet.test"),
    tokenFor("csl.palissy@guichet.test"),
    tokenFor("proviseur.choiseul@guichet.test"),
    tokenFor("tech.ouest@guichet.test"),
    tokenFor("tech.est@guichet.test"),
    tokenFor("admin@guichet.test"),
    tokenFor("sav.scc@guichet.test"),
  ]);
});

const list = (token: string, query: string) => callRoute<Page & ProblemBody>(listCis, { path: `/cis?${query}`, token });
const read = (token: string, id: string) =>
  callRoute<Ci & ProblemBody, { id: string }>(getCi, { path: `/cis/${id}`, token, params: { id } });
const create = (token: string, body: Record<string, unknown>) =>
  callRoute<Ci & ProblemBody>(createCi, { path: "/cis", token, body: { establishment: "0370037P", ...body } });
const patch = (token: string, id: string, body: unknown) =>
  callRoute<Ci & ProblemBody, { id: string }>(patchCi, { path: `/cis/${id}`, token, body, method: "PATCH", params: { id } });

async function upload(token: string, content: Uint8Array | string, dryRun: boolean) {
  const form = new FormData();
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), "inventaire.csv");
  const response = await importCsv(
    new Request(`${API}/cis/import?dryRun=${dryRun}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form }),
    {} as never,
  );
  return { status: response.status, body: (await response.json()) as ImportAnswer & ProblemBody };
}

async function ciNamed(name: string) {
  const [row] = await database().select().from(configurationItems).where(eq(configurationItems.name, name));
  return row;
}

const historyCount = async (ciId: string) =>
  (await database().select({ n: count() }).from(ciHistory).where(eq(ciHistory.ciId, ciId)))[0]!.n;

describe("reading", () => {
  test("part of a serial number finds the machine (trigram search), for its school and the Région, not for another school", async () => {
    const forPalissy = await list(palissy, "q=CZC338");
    expect(forPalissy.status).toBe(200);
    expect(forPalissy.body.items.map((item) => item.name)).toContain("a107-sev-05");
    expect((await list(admin, "q=czc338")).body.items.map((item) => item.serialNumber)).toContain("CZC3380PFS");
    expect((await list(choiseul, "q=CZC338")).body.items).toEqual([]);
  });

  test("school staff read only their schools, even when they ask for another; a vendor agent reads nothing", async () => {
    const own = await list(choiseul, "limit=100");
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((item) => item.establishment.uai === "0370037P")).toBe(true);
    expect((await list(choiseul, "establishment=0450029M")).body.items).toEqual([]);
    expect((await list(scc, "")).body.items).toEqual([]);
    const palissyPc = (await list(palissy, "q=a107-sev-05")).body.items[0]!;
    expect((await read(choiseul, palissyPc.id)).status).toBe(404);
    expect((await read(palissy, palissyPc.id)).body.name).toBe("a107-sev-05");
  });

  test("filters by zone and class across schools, keyset pages without repeats", async () => {
    const first = await list(techOuest, "zone=OUEST&class=network_switch&limit=5");
    expect(first.body.items.every((item) => item.class === "network_switch")).toBe(true);
    const second = await list(techOuest, `zone=OUEST&class=network_switch&limit=5&cursor=${first.body.nextCursor}`);
    const all = await list(techOuest, "zone=OUEST&class=network_switch&limit=10");
    expect([...first.body.items, ...second.body.items].map((item) => item.id)).toEqual(all.body.items.map((item) => item.id));
    const schools = await database()
      .select({ uai: establishments.uai })
      .from(establishments)
      .innerJoin(sql`zones`, sql`zones.id = ${establishments.zoneId}`)
      .where(sql`zones.code = 'OUEST'`);
    expect(all.body.items.every((item) => schools.some((school) => school.uai === item.establishment.uai))).toBe(true);
  });

  test("the renewal filter agrees with each item's computed lifecycle", async () => {
    const candidates = await list(admin, "establishment=0370037P&renewal=true&limit=100");
    expect(candidates.body.items.length).toBeGreaterThan(0);
    expect(candidates.body.items.every((item) => item.renewal.candidate)).toBe(true);
    const everything = await list(admin, "establishment=0370037P&limit=100");
    const expected = everything.body.items.filter((item) => item.renewal.candidate).map((item) => item.id);
    expect(candidates.body.items.map((item) => item.id).filter((id) => everything.body.items.some((item) => item.id === id))).toEqual(
      expected,
    );
    for (const years of ["0", "99"]) {
      const refused = await list(admin, `renewalAge=${years}`);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field: "renewalAge", message: "Âge de renouvellement entre 1 et 20 ans." }]);
    }
  });
});

describe("writing", () => {
  test("school staff cannot write; a technician writes his zone's schools only", async () => {
    expect((await create(choiseul, { name: "pc-refus", class: "pc" })).status).toBe(403);
    expect((await create(proviseur, { name: "pc-refus", class: "pc" })).status).toBe(403);
    expect((await create(techEst, { name: "pc-refus", class: "pc" })).status).toBe(403);
    const pc = await create(techOuest, { name: "pc-ouest-1", class: "pc" });
    expect(pc.status).toBe(201);
    expect((await patch(choiseul, pc.body.id, { room: "A1" })).status).toBe(403);
    expect((await patch(techEst, pc.body.id, { room: "A1" })).status).toBe(403);
    expect((await patch(palissy, pc.body.id, { room: "A1" })).status).toBe(404);
  });

  test("class-specific fields are validated per class", async () => {
    const wrong = await create(techOuest, { name: "sw-test-attr", class: "network_switch", attributes: { ports: 24, ram_mb: 512 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toContainEqual({ field: "attributes.ram_mb", message: "Champ non valable pour la classe Commutateur." });
    const badIp = await create(techOuest, { name: "sw-test-attr", class: "network_switch", attributes: { management_ip: "10.0.0.300" } });
    expect(badIp.body.errors?.[0]?.field).toBe("attributes.management_ip");
    const ok = await create(techOuest, {
      name: "sw-test-attr",
      class: "network_switch",
      attributes: { ports: 24, management_ip: "10.37.1.20" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.attributes).toEqual({ ports: 24, management_ip: "10.37.1.20" });
    const software = await create(techOuest, {
      name: "Scribus",
      class: "software",
      attributes: { version: "1.6", licence_count: 30, os_family: "Linux" },
    });
    expect(software.body.errors?.map((error) => error.field)).toEqual(["attributes.os_family"]);
  });

  test("warranty and ownership are computed from delivery, and the warranty can be overridden", async () => {
    const pc = await create(techOuest, { name: "pc-garantie", class: "pc", deliveryDate: "2021-09-01", purchaseDate: "2021-06-15" });
    expect(pc.body.warranty).toMatchObject({ end: "2026-09-01", source: "rule" });
    expect(pc.body.ownership.transfer).toBe("2026-09-01");
    const laptop = await create(techOuest, { name: "lap-garantie", class: "laptop", deliveryDate: "2021-09-01" });
    expect(laptop.body.warranty.end).toBe("2024-09-01");
    expect(laptop.body.warranty.active).toBe(false);
    const extended = await patch(techOuest, laptop.body.id, { warrantyEnd: "2099-12-31" });
    expect(extended.body.warranty).toMatchObject({ end: "2099-12-31", source: "override", active: true });
    const own = await create(techOuest, { name: "pc-fonds-propres", class: "pc", deliveryDate: "2024-09-01", funding: "own_funds" });
    expect(own.body.warranty.end).toBeNull();
    expect(own.body.ownership).toEqual({ transfer: null, school: true });
  });

  test("every change is kept in the history: who, when, field, old → new", async () => {
    const pc = await create(techOuest, { name: "pc-histoire", class: "pc", room: "B12", attributes: { ram_mb: 4096 } });
    await patch(techOuest, pc.body.id, { room: "B14", attributes: { ram_mb: 8192 } });
    await patch(techOuest, pc.body.id, { room: "B14" });
    const rows = await database().select().from(ciHistory).where(eq(ciHistory.ciId, pc.body.id)).orderBy(ciHistory.id);
    expect(rows.map((row) => row.source)).toEqual(["api", "api"]);
    expect(rows[1]!.changes).toEqual([
      { field: "room", from: "B12", to: "B14" },
      { field: "attributes.ram_mb", from: 4096, to: 8192 },
    ]);
    const [tech] = await database().select({ id: users.id }).from(users).where(eq(users.email, "tech.ouest@guichet.test"));
    expect(rows[1]!.authorId).toBe(tech!.id);
  });

  test("relations: a loop of uplinks is refused, even several hops away; a VM is hosted on a server only", async () => {
    const core = await create(techOuest, { name: "sw-coeur-test", class: "network_switch" });
    const floor = await create(techOuest, { name: "sw-etage-test", class: "network_switch", parentId: core.body.id });
    const room = await create(techOuest, { name: "sw-salle-test", class: "network_switch", parentId: floor.body.id });
    expect(room.body.parent?.name).toBe("sw-etage-test");
    const loop = await patch(techOuest, core.body.id, { parentId: room.body.id });
    expect(loop.status).toBe(422);
    expect(loop.body.detail).toMatch(/boucle/);
    expect((await patch(techOuest, core.body.id, { parentId: core.body.id })).body.detail).toMatch(/son propre parent/);
    expect((await read(techOuest, core.body.id)).body.parent).toBeNull();
    const vm = await create(techOuest, { name: "vm-test", class: "virtual_machine", parentId: core.body.id });
    expect(vm.status).toBe(422);
    expect(vm.body.detail).toMatch(/serveur/);
    const palissySwitch = (await list(admin, "establishment=0450029M&class=network_switch&limit=1")).body.items[0]!;
    expect((await patch(techOuest, room.body.id, { parentId: palissySwitch.id })).body.detail).toMatch(/autre établissement/);
  });

  test("a serial number names one machine across the inventory", async () => {
    const taken = await create(techOuest, { name: "pc-double", class: "pc", serialNumber: "czc3380pfs" });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toMatch(/a107-sev-05/);
  });

  test("bulk status change: all in one transaction, with history; one item out of reach changes none", async () => {
    const a = await create(techOuest, { name: "pc-lot-1", class: "pc", room: "C3" });
    const b = await create(techOuest, { name: "pc-lot-2", class: "pc", room: "C3" });
    const tech = await callerFor("tech.ouest@guichet.test");
    const palissyPc = (await list(admin, "q=a107-sev-05")).body.items[0]!;
    const refused = await bulkSetStatus(tech, [a.body.id, b.body.id, palissyPc.id], "obsolete", new Date());
    expect(refused.ok).toBe(false);
    expect((await read(techOuest, a.body.id)).body.status).toBe("production");
    const done = await bulkSetStatus(tech, [a.body.id, b.body.id], "obsolete", new Date());
    expect(done).toEqual({ ok: true, value: { changed: 2 } });
    expect((await read(techOuest, b.body.id)).body.renewal).toEqual({ candidate: true, reason: "obsolete" });
    const [last] = await database()
      .select()
      .from(ciHistory)
      .where(eq(ciHistory.ciId, a.body.id))
      .orderBy(sql`${ciHistory.id} desc`)
      .limit(1);
    expect(last).toMatchObject({ source: "bulk", changes: [{ field: "status", from: "production", to: "obsolete" }] });
  });
});

describe("tickets and the inventory", () => {
  test("the switch's page shows the open incidents on the equipment below it", async () => {
    const sw = await create(techOuest, { name: "sw-b2-test", class: "network_switch" });
    const pc = await create(techOuest, { name: "pc-b2-test", class: "pc", parentId: sw.body.id });
    const filed = await callRoute<{ reference: string }>(createTicket, {
      path: "/tickets",
      token: choiseul,
      body: {
        type: "incident",
        serviceCode: "POSTE",
        categoryCode: "POSTE-PANNE",
        establishmentUai: "0370037P",
        title: "Le poste ne démarre plus",
        description: "Écran noir.",
        impact: "individual",
        urgency: "medium",
        fields: {},
        ciIds: [pc.body.id],
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const page = await ciPage(await callerFor("tech.ouest@guichet.test"), sw.body.id, new Date());
    expect(page!.openIncidentsBelow).toBe(1);
    expect(page!.openBelow[0]).toMatchObject({ reference: filed.body.reference, ci: { name: "pc-b2-test" } });
    const pcPage = await ciPage(await callerFor("csl.choiseul@guichet.test"), pc.body.id, new Date());
    expect(pcPage!.openTickets.map((ticket) => ticket.reference)).toEqual([filed.body.reference]);
    expect(pcPage!.canWrite).toBe(false);
    expect(await ciPage(await callerFor("csl.palissy@guichet.test"), pc.body.id, new Date())).toBeNull();
  });
});

test("a ticket about critical equipment takes its impact floor: a high-criticality server makes it the whole school's", async () => {
  const server = await create(techOuest, { name: "srv-critique-test", class: "server", criticality: "high" });
  const filed = await callRoute<{ reference: string; impact: string; priority: string }>(createTicket, {
    path: "/tickets",
    token: choiseul,
    body: {
      type: "incident",
      serviceCode: "SERVEUR",
      categoryCode: "SRV-INCIDENT",
      establishmentUai: "0370037P",
      title: "Le serveur ne répond plus",
      description: "Plus d'accès aux partages.",
      impact: "individual",
      urgency: "medium",
      fields: {},
      ciIds: [server.body.id],
    },
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  expect(filed.body).toMatchObject({ impact: "school", priority: "P2" });
});

const HEADER =
  "name;class;establishment_uai;status;criticality;room;brand;model;serial_number;asset_number;region_number;os_family;os_version;os_install_date;cpu;ram_mb;disk_gb;purchase_date;funding;parent";

describe("import", () => {
  const file = [
    HEADER,
    "imp-sw01;network_switch;0370037P;production;basse;SR-IMP;HP;FlexNetwork 5130;IMPSW0001;;;;;;;;;2019-02-01;region;rca0370037psw154.SRB3.35",
    "imp-pc01;pc;0370037P;production;low;IMP1;HP;ProDesk 400 G7;IMPPC0001;;;Windows;win11-x64;2023-09-01;Intel Core i5;8192;238;15/07/2021;region;imp-sw01",
    "imp-pc02;pc;0370037P;production;low;IMP1;HP;ProDesk 400 G7;IMPPC0002;;;Windows;win11-x64;;;8192;238;2021-07-15;region;imp-sw01",
    "imp-bad-uai;pc;0370038X;production;low;IMP1;HP;ProDesk;IMPBAD0001;;;;;;;;;2021-07-15;region;",
    "imp-bad-class;grille-pain;0370037P;production;low;IMP1;HP;ProDesk;IMPBAD0002;;;;;;;;;2021-07-15;region;",
    "imp-bad-date;pc;0370037P;production;low;IMP1;HP;ProDesk;IMPBAD0003;;;;;;;;;2021-02-30;region;",
    "imp-dup-a;pc;0370037P;production;low;IMP1;HP;ProDesk;IMPDUP0001;;;;;;;;;2021-07-15;region;",
    "imp-dup-b;pc;0370037P;production;low;IMP1;HP;ProDesk;IMPDUP0001;;;;;;;;;2021-07-15;region;",
    "imp-sw-ram;network_switch;0370037P;production;low;IMP1;HP;5130;IMPBAD0004;;;;;;;512;;2021-07-15;region;",
    "imp-palissy;pc;0450029M;production;low;IMP1;HP;ProDesk;IMPBAD0005;;;;;;;;;2021-07-15;region;",
  ].join("\r\n");

  test("a dry run writes nothing and says row by row; applying writes the good rows only; importing again changes nothing", async () => {
    const before = (await database().select({ n: count() }).from(configurationItems))[0]!.n;
    const dry = await upload(techOuest, file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ created: 3, updated: 0, unchanged: 0, delimiter: ";", encoding: "utf-8" });
    expect(dry.body.rejected.map((row) => row.line)).toEqual([5, 6, 7, 8, 9, 10, 11]);
    const reasons = Object.fromEntries(dry.body.rejected.map((row) => [row.line, row.reasons.join(" ")]));
    expect(reasons[5]).toMatch(/UAI (inconnu|invalide)/);
    expect(reasons[6]).toMatch(/Classe inconnue/);
    expect(reasons[7]).toMatch(/Date invalide/);
    expect(reasons[8]).toMatch(/en double dans le fichier \(lignes 8, 9\)/);
    expect(reasons[10]).toMatch(/ram_mb ne vaut pas pour la classe Commutateur/);
    expect(reasons[11]).toMatch(/Vous ne pouvez pas modifier l'inventaire de l'établissement 0450029M/);
    expect((await database().select({ n: count() }).from(configurationItems))[0]!.n).toBe(before);

    const applied = await upload(techOuest, file, false);
    expect(applied.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect((await database().select({ n: count() }).from(configurationItems))[0]!.n).toBe(before + 3);
    for (const name of ["imp-bad-uai", "imp-bad-class", "imp-bad-date", "imp-dup-a", "imp-dup-b", "imp-sw-ram", "imp-palissy"])
      expect(await ciNamed(name)).toBeUndefined();
    const pc = (await ciNamed("imp-pc01"))!;
    const sw = (await ciNamed("imp-sw01"))!;
    expect(pc).toMatchObject({
      parentId: sw.id,
      purchaseDate: "2021-07-15",
      attributes: { os_family: "Windows", ram_mb: 8192, disk_gb: 238, os_install_date: "2023-09-01" },
    });
    expect(sw.parentId).toBe((await ciNamed("rca0370037psw154.SRB3.35"))!.id);
    const historyBefore = await historyCount(pc.id);
    expect(historyBefore).toBe(1);

    const again = await upload(techOuest, file, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect((await database().select({ n: count() }).from(configurationItems))[0]!.n).toBe(before + 3);
    expect(await historyCount(pc.id)).toBe(historyBefore);

    const changed = await upload(techOuest, file.replace("imp-pc02;pc;0370037P;production", "imp-pc02;pc;0370037P;obsolète"), false);
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect((await ciNamed("imp-pc02"))!.status).toBe("obsolete");
  });

  test("a Windows-1252 file with commas is read, accents intact", async () => {
    const text = [
      "name,class,establishment_uai,room,brand,model,serial_number,purchase_date,funding",
      "imp-1252,printer,0370037P,Salle des professeurs é,Kyocera,ECOSYS M3145dn,IMP1252A,2020-01-10,region",
    ].join("\r\n");
    const bytes = Uint8Array.from([...text].map((char) => (char === "é" ? 0xe9 : char.charCodeAt(0))));
    const dry = await upload(techOuest, bytes, true);
    expect(dry.body).toMatchObject({ encoding: "windows-1252", delimiter: ",", created: 1, rejected: [] });
    await upload(techOuest, bytes, false);
    expect((await ciNamed("imp-1252"))!.room).toBe("Salle des professeurs é");
  });

  test("school staff may not import; a file without the required columns is refused whole", async () => {
    expect((await upload(choiseul, file, true)).status).toBe(403);
    const missing = await upload(techOuest, "nom;salle\npc;A1\n", true);
    expect(missing.status).toBe(400);
    expect(missing.body.detail).toMatch(/Colonnes obligatoires absentes : class, establishment_uai/);
  });

  test("the sample export of seed 004 imports as it is", async () => {
    const { readFileSync } = await import("node:fs");
    const sample = readFileSync("db/seed/data/sample-inventory.csv");
    const dry = await upload(admin, sample, true);
    expect(dry.body.rejected).toEqual([]);
    expect(dry.body.created + dry.body.updated + dry.body.unchanged).toBe(10);
  });
});

describe("export", () => {
  test("a filtered list as CSV: the import's columns, then the computed ones; importing it back changes nothing", async () => {
    const response = await exportCsv(
      new Request(`${API}/cis/export?establishment=0370037P&room=IMP1`, { headers: { authorization: `Bearer ${techOuest}` } }),
      {} as never,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await response.text();
    const lines = text
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^name;class;establishment_uai;status;/);
    expect(lines[0]).toMatch(/computed_warranty_end;ownership_transfer;age_years;renewal_candidate$/);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(";")[0])
        .sort(),
    ).toEqual(["imp-pc01", "imp-pc02"]);
    const back = await upload(techOuest, text, true);
    expect(back.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: [] });
  });

  test("the export holds only what the caller may see", async () => {
    const response = await exportCsv(
      new Request(`${API}/cis/export?q=a107-sev`, { headers: { authorization: `Bearer ${choiseul}` } }),
      {} as never,
    );
    expect(
      (await response.text())
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n"),
    ).toHaveLength(1);
  });

  test("a first page that fails rejects before any byte is sent (the route answers 500, never a 200 with a header alone)", async () => {
    // The API refuses a NUL in the query string before this; the service is fed one to make PostgreSQL fail for real.
    const { cursor: _cursor, limit: _limit, ...filters } = listCisQuery.parse({ building: "A\u0000" });
    await expect(exportCis(await callerFor("tech.ouest@guichet.test"), filters, new Date())).rejects.toThrow();
  });
});

test("the OpenAPI document describes the CMDB routes with their schemas", async () => {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  expect(Object.keys(document.paths["/cis"]!).sort()).toEqual(["get", "post"]);
  expect(Object.keys(document.paths["/cis/{id}"]!).sort()).toEqual(["get", "patch"]);
  expect(Object.keys(document.paths["/cis/import"]!)).toEqual(["post"]);
  expect(Object.keys(document.components.schemas.Ci!.properties!)).toEqual(
    expect.arrayContaining(["warranty", "ownership", "renewal", "attributes", "parent"]),
  );
});

test("unknown ids answer 404; a malformed one too", async () => {
  expect((await read(admin, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  expect((await read(admin, "not-an-id")).status).toBe(404);
});
