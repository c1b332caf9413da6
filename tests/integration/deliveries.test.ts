import type { ChildProcess } from "node:child_process";
import { Queue } from "bullmq";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { GET as getDelivery } from "@/app/api/v1/deliveries/[id]/route";
import { POST as postCheck } from "@/app/api/v1/deliveries/[id]/check/route";
import { GET as listDeliveries, POST as postDelivery } from "@/app/api/v1/deliveries/route";
import { database } from "@/db/client";
import { deliveryProgress } from "@/db/queries/deliveries";
import {
  auditEvents,
  campaignCatalogueItems,
  campaigns,
  configurationItems,
  deliveries,
  deliveryReplacements,
  establishments,
  outboxEmails,
  teamMembers,
  teams,
  tickets,
  users,
} from "@/db/schema";
import { DEFAULT_CALENDAR, parisDay } from "@/lib/domain/business-calendar";
import { lifecycleOf } from "@/lib/domain/ci-lifecycle";
import { checkBy } from "@/lib/domain/deliveries";
import { env } from "@/lib/env";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { deemDeliveriesCompliant } from "@/lib/services/deliveries/deem-compliant";
import { importDeliveryNote } from "@/lib/services/deliveries/import-delivery-note";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { startWorker } from "../support/app-server";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

type Line = {
  id: string;
  code: string;
  label: string;
  class: string;
  model: string;
  quantity: number;
  received: number | null;
  anomaly: string | null;
};
type Delivery = {
  id: string;
  state: string;
  checkBy: string;
  deliveredOn: string;
  establishmentUai: string;
  ticketReference: string | null;
  lines: Line[];
} & ProblemBody;

const redisPrefix = `${inject("redisPrefix")}_deliveries`;
const poll = { timeout: 30_000, interval: 250 };
let drop: () => Promise<void>;
let admin: string, serviceLead: string, technician: string, equipmentTech: string, csl: string, head: string, palissyCsl: string;

const create = (token: string, body: unknown) => callRoute<Delivery>(postDelivery, { path: "/deliveries", token, body });
const read = (token: string, id: string) =>
  callRoute<Delivery, { id: string }>(getDelivery, { path: `/deliveries/${id}`, token, params: { id } });
const check = (token: string, id: string, body: unknown) =>
  callRoute<Delivery, { id: string }>(postCheck, { path: `/deliveries/${id}/check`, token, body, params: { id } });

async function campaignOf2026() {
  const [campaign] = await database()
    .insert(campaigns)
    .values({
      year: 2026,
      surveyFrom: "2026-02-01",
      surveyTo: "2026-03-31",
      analysisFrom: "2026-04-01",
      analysisTo: "2026-05-31",
      allocationFrom: "2026-06-01",
      allocationTo: "2026-06-30",
      deliveryFrom: "2026-10-01",
      deliveryTo: "2026-11-30",
    })
    .returning({ id: campaigns.id });
  await database()
    .insert(campaignCatalogueItems)
    .values([
      { campaignId: campaign!.id, code: "PC-MULTI", label: "PC multimédia", class: "pc", model: "HP Elite 800 G9", unitCost: 900 },
      { campaignId: campaign!.id, code: "PORTABLE", label: "Portable", class: "laptop", model: "Dell Latitude 5440", unitCost: 1100 },
    ]);
}

beforeAll(async () => {
  process.env.REDIS_PREFIX = redisPrefix;
  drop = await useOwnDatabase("deliveries");
  expect(env()).toMatchObject({ REDIS_PREFIX: redisPrefix, DATABASE_URL: process.env.DATABASE_URL });
  // The Région's equipment team (Équipe Déploiement GSI) counts one technician of the test.
  const db = database();
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, "EQ-E-DEP-GSI"));
  const [tech] = await db.select({ id: users.id }).from(users).where(eq(users.email, "tech.est@guichet.test"));
  await db.insert(teamMembers).values({ teamId: team!.id, userId: tech!.id }).onConflictDoNothing();
  await campaignOf2026();
  [admin, serviceLead, technician, equipmentTech, csl, head, palissyCsl] = (await Promise.all(
    [
      "admin@guichet.test",
      "chef.service@guichet.test",
      "tech.ouest@guichet.test",
      "tech.est@guichet.test",
      "csl.choiseul@guichet.test",
      "proviseur.choiseul@guichet.test",
      "csl.palissy@guichet.test",
    ].map(tokenFor),
  )) as [string, string, string, string, string, string, string];
});
afterAll(() => drop());

describe("checkBy: 5 working days on the school's calendar", () => {
  test("delivered on Thursday 5 November 2026: 6, 9, 10, 12 and 13 November (11 November closed), so the close of Friday 13", async () => {
    expect(checkBy(DEFAULT_CALENDAR, "2026-11-05").toISOString()).toBe("2026-11-13T16:30:00.000Z");
    const created = await create(serviceLead, {
      campaignYear: 2026,
      establishmentUai: "0370037P",
      supplier: "Bureau Vallée Pro",
      deliveredOn: "2026-11-05",
      lines: [{ code: "PC-MULTI", model: "HP Elite 800 G9", quantity: 2, room: "B12" }],
    });
    expect(created.status).toBe(201);
    // Paris is at UTC+1 in November: 17:30 there.
    expect(created.body).toMatchObject({ checkBy: "2026-11-13T16:30:00.000Z", establishmentUai: "0370037P", deliveredOn: "2026-11-05" });
    expect(created.body.lines).toEqual([
      expect.objectContaining({
        code: "PC-MULTI",
        label: "PC multimédia",
        class: "pc",
        model: "HP Elite 800 G9",
        quantity: 2,
        received: null,
      }),
    ]);
  });

  test("a closure every team shares (the school's calendar) moves checkBy", async () => {
    const { calendarClosures } = await import("@/db/schema");
    const [closure] = await database()
      .insert(calendarClosures)
      .values({ fromDate: "2026-12-21", toDate: "2027-01-01", label: "Vacances de Noël" })
      .returning({ id: calendarClosures.id });
    try {
      const created = await create(admin, {
        establishmentUai: "0370037P",
        supplier: "Fournisseur Noël",
        deliveredOn: "2026-12-18",
        lines: [{ code: "pc", model: "Lenovo M70q", quantity: 1 }],
      });
      expect(created.status).toBe(201);
      // Friday 18 December: the holidays are closed, so Monday 4 to Friday 8 January 2027, 17:30 Paris.
      expect(created.body.checkBy).toBe("2027-01-08T16:30:00.000Z");
    } finally {
      await database().delete(calendarClosures).where(eq(calendarClosures.id, closure!.id));
    }
  });
});

describe("who creates, sees and checks", () => {
  const body = {
    establishmentUai: "0370037P",
    supplier: "Refusé SA",
    deliveredOn: "2026-11-05",
    lines: [{ code: "pc", model: "X", quantity: 1 }],
  };

  test("the equipment team, the service lead and admins create; a technician outside it, a CSL, a head cannot (403)", async () => {
    expect((await create(equipmentTech, body)).status).toBe(201);
    for (const token of [technician, csl, head]) {
      const refused = await create(token, body);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toBe(
        "Seuls l'équipe équipement de la Région, le chef de service et les administrateurs enregistrent les livraisons.",
      );
    }
  });

  test("unknown campaign, code outside the catalogue, code not a class outside a campaign, unknown school: refused", async () => {
    const noCampaign = await create(admin, { ...body, campaignYear: 2031 });
    expect(noCampaign.status).toBe(422);
    const notInCatalogue = await create(admin, { ...body, campaignYear: 2026, lines: [{ code: "pc", model: "X", quantity: 1 }] });
    expect(notInCatalogue.status).toBe(400);
    expect(notInCatalogue.body.errors).toEqual([{ field: "lines.0.code", message: "« pc » n'est pas au catalogue de la campagne." }]);
    const notAClass = await create(admin, { ...body, lines: [{ code: "PC-MULTI", model: "X", quantity: 1 }] });
    expect(notAClass.status).toBe(400);
    expect(notAClass.body.errors?.[0]?.field).toBe("lines.0.code");
    expect((await create(admin, { ...body, establishmentUai: "0370038Z" })).status).toBeGreaterThanOrEqual(400);
    expect((await create(admin, { ...body, deliveredOn: "5/11/2026" })).status).toBe(400);
    expect((await create(admin, { ...body, lines: [] })).status).toBe(400);
  });

  test("a school sees only its own deliveries; another school's is 404, to read and to check", async () => {
    const created = await create(admin, body);
    expect((await read(csl, created.body.id)).status).toBe(200);
    expect((await read(technician, created.body.id)).status).toBe(200);
    expect((await read(palissyCsl, created.body.id)).status).toBe(404);
    const listed = await callRoute<{ items: Array<{ establishmentUai: string }> }>(listDeliveries, {
      path: "/deliveries",
      token: palissyCsl,
    });
    expect(listed.body.items.every((item) => item.establishmentUai === "0450029M")).toBe(true);
    const lineId = (await read(csl, created.body.id)).body.lines[0]!.id;
    const answer = { lines: [{ id: lineId, received: 1, serials: ["REFUSED-1"] }] };
    expect((await check(palissyCsl, created.body.id, answer)).status).toBe(404);
    // The Région's staff see it but do not check it for the school.
    const byTechnician = await check(technician, created.body.id, answer);
    expect(byTechnician.status).toBe(403);
    expect(byTechnician.body.detail).toBe("Seul le personnel de l'établissement contrôle sa livraison.");
    expect((await read(csl, created.body.id)).body.state).toBe("delivered");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await read(csl, unknown)).status).toBe(404);
    expect((await read(csl, "not-a-uuid")).status).toBe(404);
  });

  test("a delivery not come yet is planned, and its check refused (409)", async () => {
    const tomorrow = parisDay(new Date(Date.now() + 2 * 86_400_000));
    const created = await create(admin, { ...body, deliveredOn: tomorrow });
    expect(created.body.state).toBe("planned");
    const refused = await check(csl, created.body.id, { lines: [{ id: created.body.lines[0]!.id, received: 1, serials: ["FUTURE-1"] }] });
    expect(refused.status).toBe(409);
  });
});

describe("the check", () => {
  test("accepted serials become CIs in stock, in the planned room: warranty 5 years for PCs, 3 for laptops; old items go to recycling", async () => {
    const [old] = await database()
      .insert(configurationItems)
      .values({
        name: "B12-OLD-01",
        class: "pc",
        establishmentId: (
          await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, "0370037P"))
        )[0]!.id,
        room: "B12",
        status: "production",
        model: "Dell Optiplex 780",
        serialNumber: "OLD780-1",
        deliveryDate: "2016-10-01",
      })
      .returning({ id: configurationItems.id });
    const created = await create(serviceLead, {
      campaignYear: 2026,
      establishmentUai: "0370037P",
      supplier: "Inmac",
      deliveredOn: "2026-11-05",
      lines: [
        { code: "PC-MULTI", model: "HP Elite 800 G9", quantity: 2, room: "B12" },
        { code: "PORTABLE", model: "Dell Latitude 5440", quantity: 1, room: "CDI" },
      ],
    });
    const [pcs, laptops] = created.body.lines;
    const checked = await check(csl, created.body.id, {
      lines: [
        { id: pcs!.id, received: 2, serials: ["czc-pc-001", "CZC-PC-002"], replaces: [old!.id] },
        { id: laptops!.id, received: 1, serials: ["LAT-001"] },
      ],
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ state: "checked", ticketReference: null });
    const items = await database()
      .select()
      .from(configurationItems)
      .where(inArray(configurationItems.serialNumber, ["CZC-PC-001", "CZC-PC-002", "LAT-001"]));
    expect(items.map((item) => [item.serialNumber, item.class, item.status, item.room, item.model, item.deliveryDate]).sort()).toEqual([
      ["CZC-PC-001", "pc", "stock", "B12", "HP Elite 800 G9", "2026-11-05"],
      ["CZC-PC-002", "pc", "stock", "B12", "HP Elite 800 G9", "2026-11-05"],
      ["LAT-001", "laptop", "stock", "CDI", "Dell Latitude 5440", "2026-11-05"],
    ]);
    const warranty = (serial: string) => {
      const item = items.find((candidate) => candidate.serialNumber === serial)!;
      return lifecycleOf(item, "2026-12-05");
    };
    expect(warranty("CZC-PC-001")).toMatchObject({ warrantyEnd: "2031-11-05", ownershipTransfer: "2031-11-05" });
    expect(warranty("LAT-001")).toMatchObject({ warrantyEnd: "2029-11-05" });
    const [replaced] = await database()
      .select({ status: configurationItems.status })
      .from(configurationItems)
      .where(eq(configurationItems.id, old!.id));
    expect(replaced!.status).toBe("obsolete");
    expect(await database().select().from(deliveryReplacements).where(eq(deliveryReplacements.ciId, old!.id))).toHaveLength(1);
    // Once: a second check is a conflict, and writes nothing.
    const again = await check(csl, created.body.id, {
      lines: [
        { id: pcs!.id, received: 2, serials: ["X1", "X2"] },
        { id: laptops!.id, received: 1, serials: ["X3"] },
      ],
    });
    expect(again.status).toBe(409);
    const audit = await database()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "delivery.checked"), eq(auditEvents.objectId, created.body.id)));
    expect(audit).toHaveLength(1);
  });

  test("a damaged item and a missing one open ONE EQUIP-LIVRAISON ticket listing the lines; the others are inventoried", async () => {
    const created = await create(serviceLead, {
      campaignYear: 2026,
      establishmentUai: "0370037P",
      supplier: "Econocom",
      deliveredOn: "2026-11-05",
      lines: [
        { code: "PC-MULTI", model: "HP Elite 800 G9", quantity: 3, room: "C01" },
        { code: "PORTABLE", model: "Dell Latitude 5440", quantity: 2, room: "C02" },
      ],
    });
    const [pcs, laptops] = created.body.lines;
    const checked = await check(csl, created.body.id, {
      lines: [
        {
          id: pcs!.id,
          received: 3,
          serials: ["ECO-1", "ECO-2", "ECO-3"],
          anomaly: { kind: "damaged", serials: ["ECO-2"], note: "Écran fêlé" },
        },
        { id: laptops!.id, received: 1, serials: ["ECO-L1"] },
      ],
    });
    expect(checked.status).toBe(200);
    expect(checked.body.state).toBe("with_anomalies");
    expect(checked.body.lines.map((line) => line.anomaly)).toEqual(["damaged", "missing"]);
    expect(checked.body.ticketReference).toMatch(/^GU-\d{4}-\d{6}$/);
    const filed = await database()
      .select({ title: tickets.title, description: tickets.description, categoryId: tickets.categoryId, teamId: tickets.assignedTeamId })
      .from(tickets)
      .where(eq(tickets.reference, checked.body.ticketReference!));
    expect(filed).toHaveLength(1);
    expect(filed[0]!.title).toBe("Anomalies à la livraison de Econocom");
    expect(filed[0]!.description).toContain(
      "Ligne 1, PC multimédia HP Elite 800 G9 : 3 reçu(s) sur 3, Abîmé. Numéros concernés : ECO-2. Remarque : Écran fêlé",
    );
    expect(filed[0]!.description).toContain("Ligne 2, Portable Dell Latitude 5440 : 1 reçu(s) sur 2, Manquant.");
    // Routed like any EQUIP-LIVRAISON ticket: to the Région's equipment team.
    const [team] = await database().select({ code: teams.code }).from(teams).where(eq(teams.id, filed[0]!.teamId!));
    expect(team!.code).toBe("EQ-E-DEP-GSI");
    const inventoried = await database()
      .select({ serial: configurationItems.serialNumber })
      .from(configurationItems)
      .where(like(configurationItems.serialNumber, "ECO-%"));
    expect(inventoried.map((row) => row.serial).sort()).toEqual(["ECO-1", "ECO-3", "ECO-L1"]);
  });

  test("refused checks: serials short of the count, a serial already in the inventory, an old item of another school", async () => {
    const created = await create(serviceLead, {
      establishmentUai: "0370037P",
      supplier: "Refus",
      deliveredOn: "2026-11-05",
      lines: [{ code: "pc", model: "M", quantity: 2 }],
    });
    const lineId = created.body.lines[0]!.id;
    const short = await check(csl, created.body.id, { lines: [{ id: lineId, received: 2, serials: ["R-1"] }] });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: "lines.0.serials", message: "2 équipements reçus mais 1 numéro de série." }]);
    const taken = await check(csl, created.body.id, { lines: [{ id: lineId, received: 2, serials: ["R-1", "ECO-1"] }] });
    expect(taken.status).toBe(409);
    const [palissyItem] = await database()
      .select({ id: configurationItems.id })
      .from(configurationItems)
      .innerJoin(establishments, eq(establishments.id, configurationItems.establishmentId))
      .where(eq(establishments.uai, "0450029M"))
      .limit(1);
    const foreign = await check(csl, created.body.id, {
      lines: [{ id: lineId, received: 2, serials: ["R-1", "R-2"], replaces: [palissyItem!.id] }],
    });
    expect(foreign.status).toBe(422);
    // Nothing was kept of the refused attempts.
    expect((await read(csl, created.body.id)).body.state).toBe("delivered");
    expect(await database().select().from(configurationItems).where(eq(configurationItems.serialNumber, "R-1"))).toHaveLength(0);
  });
});

describe("deemed compliant", () => {
  function workerProcess(): ChildProcess {
    const keys = ["DATABASE_URL", "REDIS_URL", "APP_URL", "AUTH_SECRET", "MAIL_FROM", "UPLOAD_DIR", "LOG_LEVEL"] as const;
    return startWorker({
      ...Object.fromEntries(keys.flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : []))),
      REDIS_PREFIX: redisPrefix,
    });
  }
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
    );

  test("after the 5 working days the worker marks it réputée conforme and mails the school once, though killed in between", async () => {
    const created = await create(serviceLead, {
      campaignYear: 2026,
      establishmentUai: "0370037P",
      supplier: "Deemed SA",
      deliveredOn: "2026-11-05",
      lines: [{ code: "PC-MULTI", model: "HP Elite 800 G9", quantity: 2, room: "D01", serials: ["DEEM-1", "DEEM-2"] }],
    });
    const id = created.body.id;
    // Before the deadline nothing happens.
    expect(await deemDeliveriesCompliant(new Date("2026-11-13T16:29:00Z"))).toEqual({ deemed: 0 });
    expect((await read(csl, id)).body.state).toBe("delivered");

    const queue = new Queue("maintenance", { connection: queueConnection(), prefix: queuePrefix() });
    const first = workerProcess();
    let second: ChildProcess | undefined;
    try {
      await expect.poll(async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key), poll).toContain("sweepDeliveries");
      process.kill(-first.pid!, "SIGKILL");
      await exited(first);
      second = workerProcess();
      await expect.poll(async () => (await queue.getJobSchedulers()).length, poll).toBeGreaterThan(0);
      // The deadline has passed (the clock of the job says Monday 16 November): twice, as two runs would.
      await queue.add("sweepDeliveries", { at: "2026-11-16T08:00:00.000Z" }, { jobId: `deliveries-a-${id}` });
      await queue.add("sweepDeliveries", { at: "2026-11-16T08:15:00.000Z" }, { jobId: `deliveries-b-${id}` });
      await expect.poll(async () => (await read(csl, id)).body.state, poll).toBe("deemed_compliant");
      await expect.poll(async () => (await queue.getJob(`deliveries-b-${id}`))?.finishedOn ?? null, poll).not.toBeNull();
    } finally {
      for (const child of [first, second])
        if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
      await queue.close();
    }
    // A run after that (the worker restarted again) changes nothing.
    expect(await deemDeliveriesCompliant(new Date("2026-11-17T08:00:00Z"))).toEqual({ deemed: 0 });
    const mails = await database()
      .select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(like(outboxEmails.idempotencyKey, `delivery-deemed:${id}:%`));
    const recipients = mails.map((mail) => mail.to).sort();
    expect(recipients).toEqual([...new Set(recipients)]);
    expect(recipients).toContain("csl.choiseul@guichet.test");
    expect(mails.filter((mail) => mail.to === "csl.choiseul@guichet.test")).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Livraison de Deemed SA du 5 novembre 2026 réputée conforme");
    expect(mails[0]!.text).toContain(`/livraisons/${id}`);
    // The supplier's serials became the school's items.
    const items = await database()
      .select({ status: configurationItems.status })
      .from(configurationItems)
      .where(like(configurationItems.serialNumber, "DEEM-%"));
    expect(items.map((item) => item.status)).toEqual(["stock", "stock"]);
    expect(
      await database()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "delivery.deemed_compliant"), eq(auditEvents.objectId, id))),
    ).toHaveLength(1);
    const [row] = await database().select({ state: deliveries.state }).from(deliveries).where(eq(deliveries.id, id));
    expect(row!.state).toBe("deemed_compliant");
  }, 90_000);

  test("deliveryProgress gives each school's delivery states for a campaign", async () => {
    const progress = await deliveryProgress(database(), 2026);
    const choiseul = progress.find((school) => school.uai === "0370037P");
    // The first test's delivery of 5 November was left unchecked: the worker, on the real clock, deemed it compliant too.
    expect(choiseul?.states).toEqual({ checked: 1, with_anomalies: 1, deemed_compliant: 2 });
    expect(progress.some((school) => school.uai === "0450029M")).toBe(false);
  });
});

describe("the delivery note (CSV)", () => {
  const note = [
    "Référence;Modèle;Salle;N° de série;Prix",
    "PC-MULTI;HP Elite 800 G9;E12;NOTE-1;900",
    "PC-MULTI;HP Elite 800 G9;E12;NOTE-2;900",
    "ECRAN;Iiyama 24;E12;NOTE-3;150",
    "PORTABLE;Dell Latitude 5440;;NOTE-2;1100",
  ].join("\r\n");
  const header = { campaignYear: 2026, establishmentUai: "0370037P", supplier: "Note SA", deliveredOn: "2026-11-05" };

  test("a dry run says row by row what the delivery will hold; applying records the accepted rows as lines", async () => {
    const lead = await callerFor("chef.service@guichet.test");
    const bytes = new TextEncoder().encode(note);
    const dry = await importDeliveryNote(lead, bytes, header, { dryRun: true }, SYSTEM_ACTOR, new Date());
    if (!dry.ok) throw new Error(JSON.stringify(dry.failure));
    expect(dry.value).toMatchObject({ dryRun: true, created: 2, deliveryId: null, ignoredColumns: ["Prix"] });
    expect(dry.value.rejected).toEqual([
      { line: 4, reasons: ["« ECRAN » n'est pas au catalogue de la campagne."] },
      { line: 5, reasons: ["Le numéro de série NOTE-2 figure déjà plus haut."] },
    ]);
    expect(dry.value.errorReport).toContain("ECRAN");
    const applied = await importDeliveryNote(lead, bytes, header, { dryRun: false }, SYSTEM_ACTOR, new Date());
    if (!applied.ok) throw new Error(JSON.stringify(applied.failure));
    const delivery = await read(serviceLead, applied.value.deliveryId!);
    expect(delivery.body.lines).toEqual([
      expect.objectContaining({ code: "PC-MULTI", quantity: 2, room: "E12", expectedSerials: ["NOTE-1", "NOTE-2"] }),
    ]);
    expect(delivery.body.checkBy).toBe("2026-11-13T16:30:00.000Z");
  });

  test("a school's staff cannot record a delivery note", async () => {
    const refused = await importDeliveryNote(
      await callerFor("csl.choiseul@guichet.test"),
      new TextEncoder().encode(note),
      header,
      { dryRun: true },
      SYSTEM_ACTOR,
      new Date(),
    );
    expect(refused).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
  });
});
