import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as getOne } from "@/app/api/v1/tickets/[reference]/route";
import { database } from "@/db/client";
import { tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import type { Impact, TicketType, Urgency } from "@/lib/domain/vocabulary";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { addComment } from "@/lib/services/tickets/add-comment";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { updateTicket } from "@/lib/services/desk/update-ticket";
import { callRoute, tokenFor } from "../support/api-client";
import { callerFor, ok } from "../support/callers";

let choiseul: Caller, palissy: Caller, technician: Caller, admin: Caller;

beforeAll(async () => {
  [choiseul, palissy, technician, admin] = await Promise.all([
    callerFor("csl.choiseul@guichet.test"),
    callerFor("csl.palissy@guichet.test"),
    callerFor("tech.ouest@guichet.test"),
    callerFor("admin@guichet.test"),
  ]);
});

/** Monday 2026-11-23 09:00 in Paris (CET, UTC+1). */
const MONDAY_9 = new Date("2026-11-23T08:00:00Z");
const at = (iso: string) => new Date(iso);

async function file(
  caller: Caller,
  now: Date,
  overrides: { uai?: string; type?: TicketType; serviceCode?: string; categoryCode?: string; impact?: Impact; urgency?: Urgency } = {},
) {
  const created = await createTicket(
    caller,
    {
      type: overrides.type ?? "incident",
      serviceCode: overrides.serviceCode ?? "POSTE",
      categoryCode: overrides.categoryCode ?? "POSTE-PANNE",
      establishmentUai: overrides.uai ?? "0370037P",
      title: "Le poste ne démarre plus",
      description: "Écran noir, salle B204.",
      impact: overrides.impact ?? "group",
      urgency: overrides.urgency ?? "high",
      fields: {},
      ciIds: [],
    },
    [],
    now,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return created.value.reference;
}

async function slaOf(reference: string) {
  const [row] = await database()
    .select({
      priority: tickets.priority,
      slaPolicyId: tickets.slaPolicyId,
      ownBy: tickets.ownBy,
      resolveBy: tickets.resolveBy,
      slaState: tickets.slaState,
      slaPausedMinutes: tickets.slaPausedMinutes,
      takenAt: tickets.takenAt,
      firstPublicReplyAt: tickets.firstPublicReplyAt,
      slaVersion: tickets.slaVersion,
    })
    .from(tickets)
    .where(eq(tickets.reference, reference));
  return row!;
}

describe("a ticket's SLA is stored when it is filed", () => {
  test("a P2 incident filed on Monday at 09:00: owned by 11:00, resolved by Tuesday 09:00 (600 business minutes)", async () => {
    const reference = await file(choiseul, MONDAY_9);
    expect(await slaOf(reference)).toMatchObject({
      priority: "P2",
      slaPolicyId: null,
      ownBy: at("2026-11-23T10:00:00Z"),
      resolveBy: at("2026-11-24T08:00:00Z"),
      slaState: "ok",
      slaPausedMinutes: 0,
      takenAt: null,
      firstPublicReplyAt: null,
      slaVersion: 1,
    });
  });

  test("a P1 filed on Friday 16:00 before Easter is due Tuesday 10:00 (Easter Monday is a holiday)", async () => {
    const reference = await file(choiseul, at("2027-03-26T15:00:00Z"), { impact: "school", urgency: "high" });
    const sla = await slaOf(reference);
    expect(sla.priority).toBe("P1");
    expect(sla.ownBy).toEqual(at("2027-03-26T15:30:00Z"));
    expect(sla.resolveBy).toEqual(at("2027-03-30T08:00:00Z")); // Tuesday 10:00 CEST
  });

  test("an `ouvert` school has three times the time to resolve, the same time to own", async () => {
    const reference = await file(palissy, MONDAY_9, { uai: "0450029M" });
    expect(await slaOf(reference)).toMatchObject({
      ownBy: at("2026-11-23T10:00:00Z"),
      resolveBy: at("2026-11-26T08:00:00Z"),
      slaState: "ok",
    });
  });

  test("a `hors_perimetre` school: deadlines for a hardware incident, none once re-qualified as a software request", async () => {
    const reference = await file(admin, MONDAY_9, { uai: "0180010N" });
    expect(await slaOf(reference)).toMatchObject({
      ownBy: at("2026-11-23T10:00:00Z"),
      resolveBy: at("2026-11-24T08:00:00Z"),
      slaState: "ok",
    });
    await ok(
      updateTicket(
        admin,
        reference,
        { requalify: { type: "request", serviceCode: "LOG-PEDA", categoryCode: "LOGPED-INSTALL" } },
        at("2026-11-23T08:30:00Z"),
      ),
    );
    expect(await slaOf(reference)).toMatchObject({ ownBy: null, resolveBy: null, slaState: null, slaPausedMinutes: 0 });
    const read = await callRoute<TicketJson, { reference: string }>(getOne, {
      path: `/tickets/${reference}`,
      token: await tokenFor("admin@guichet.test"),
      params: { reference },
    });
    expect(read.status).toBe(200);
    expect(read.body.sla).toBeNull();
  });
});

describe("the SLA follows the ticket's changes", () => {
  test("an hour waiting for the requester moves the resolution deadline by 60 business minutes", async () => {
    const reference = await file(choiseul, MONDAY_9);
    const filed = await slaOf(reference);
    await ok(updateTicket(technician, reference, { assignee: "me" }, at("2026-11-23T08:30:00Z")));
    expect(await slaOf(reference)).toMatchObject({
      takenAt: at("2026-11-23T08:30:00Z"),
      ownBy: at("2026-11-23T10:00:00Z"),
      slaState: "ok",
    });
    await ok(
      updateTicket(technician, reference, { status: "waiting_requester", message: "Quel poste exactement ?" }, at("2026-11-23T09:00:00Z")),
    );
    await ok(addComment(choiseul, reference, { body: "Le poste 3.", visibility: "public" }, [], at("2026-11-23T10:00:00Z")));
    const after = await slaOf(reference);
    expect(after.resolveBy).toEqual(at("2026-11-24T09:00:00Z"));
    expect(after.slaPausedMinutes).toBe(60);
    expect(after.slaVersion).toBeGreaterThan(filed.slaVersion);
    expect(after.firstPublicReplyAt).toBeNull(); // the requester's own message is not a reply
  });

  test("a technician's public reply is recorded as the first reply", async () => {
    const reference = await file(choiseul, MONDAY_9);
    await ok(addComment(technician, reference, { body: "Nous regardons.", visibility: "public" }, [], at("2026-11-23T08:15:00Z")));
    expect(await slaOf(reference)).toMatchObject({ firstPublicReplyAt: at("2026-11-23T08:15:00Z"), ownBy: at("2026-11-23T10:00:00Z") });
  });

  test("a re-qualification that raises the priority recomputes the deadlines from the creation", async () => {
    const reference = await file(choiseul, MONDAY_9);
    await ok(updateTicket(technician, reference, { requalify: { impact: "school", urgency: "high" } }, at("2026-11-23T09:00:00Z")));
    expect(await slaOf(reference)).toMatchObject({
      priority: "P1",
      ownBy: at("2026-11-23T08:30:00Z"),
      resolveBy: at("2026-11-23T12:00:00Z"),
      slaState: "breached",
    });
  });

  test("the API returns the stored SLA", async () => {
    const reference = await file(choiseul, MONDAY_9);
    const read = await callRoute<TicketJson, { reference: string }>(getOne, {
      path: `/tickets/${reference}`,
      token: await tokenFor("csl.choiseul@guichet.test"),
      params: { reference },
    });
    expect(read.status).toBe(200);
    expect(read.body.sla).toEqual({
      policy: "DEFAULT",
      ownBy: "2026-11-23T10:00:00.000Z",
      resolveBy: "2026-11-24T08:00:00.000Z",
      state: "ok",
      pausedMinutes: 0,
    });
  });
});
