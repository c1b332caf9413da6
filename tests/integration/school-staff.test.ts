import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { ticketDetail } from "@/db/queries/ticket-detail";
import { auditEvents, establishments, outboxEmails, teams, ticketFollowers, tickets, users } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { createAccount } from "@/lib/services/accounts/create-account";
import { removeStaffFromSchool } from "@/lib/services/accounts/remove-staff";
import { SYSTEM_ACTOR } from "@/lib/services/audit/audit-actor";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { loadCaller } from "@/lib/services/accounts/load-caller";

const admin = { id: null, name: "L'administratrice", role: "admin" as const, establishmentIds: [] };
let choiseul: string;
let head: Caller;

const schoolId = async (uai: string) =>
  (await database().select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai)))[0]!.id;
const idOf = async (email: string) => (await database().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

async function person(role: "requester" | "manager", uais = ["0370037P"], teams: string[] = []): Promise<{ id: string; email: string }> {
  const email = `staff.${randomUUID().slice(0, 8)}@guichet.test`;
  const created = await createAccount(
    admin,
    { email, name: `Personne ${email.slice(6, 14)}`, role, establishments: uais, teams },
    new Date(),
    SYSTEM_ACTOR,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.failure));
  return { id: created.value.id, email };
}

beforeAll(async () => {
  choiseul = await schoolId("0370037P");
  head = (await loadCaller((await person("manager")).id))!;
});

describe("a head removes someone from their school", () => {
  test("removed from their last school, the person is disabled; their open ticket stays with the school, followed by the colleague named", async () => {
    const leaving = await person("requester");
    const colleague = await person("requester");
    const created = await createTicket(
      (await loadCaller(leaving.id))!,
      {
        type: "incident",
        serviceCode: "POSTE",
        categoryCode: "POSTE-DYSF",
        establishmentUai: "0370037P",
        title: "Imprimante du CDI",
        description: "Bourrage permanent.",
        impact: "individual",
        urgency: "low",
        fields: {},
        ciIds: [],
      },
      [],
      new Date(),
    );
    if (!created.ok) throw new Error(JSON.stringify(created.failure));

    expect((await ticketDetail(database(), created.value.reference))?.ticket.requester.leftSchool).toBe(false);
    expect(
      await removeStaffFromSchool(
        head,
        { userId: leaving.id, establishmentId: choiseul, successorId: colleague.id },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toEqual({ ok: true, value: null });
    expect(await loadCaller(leaving.id)).toBeNull();
    const [ticket] = await database()
      .select({ id: tickets.id, establishmentId: tickets.establishmentId, requesterId: tickets.requesterId })
      .from(tickets)
      .where(eq(tickets.reference, created.value.reference));
    expect(ticket).toMatchObject({ establishmentId: choiseul, requesterId: leaving.id });
    expect((await ticketDetail(database(), created.value.reference))?.ticket.requester).toMatchObject({ id: leaving.id, leftSchool: true });
    expect(
      await database().select({ userId: ticketFollowers.userId }).from(ticketFollowers).where(eq(ticketFollowers.ticketId, ticket!.id)),
    ).toEqual([{ userId: colleague.id }]);
    const [mail] = await database()
      .select({ subject: outboxEmails.subject, text: outboxEmails.textBody })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, leaving.email), eq(outboxEmails.subject, "Vous n'êtes plus rattaché à un établissement")));
    expect(mail?.text).toContain("votre compte est désactivé");
    const actions = await database()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, "user"), eq(auditEvents.objectId, leaving.id)))
      .orderBy(auditEvents.id);
    expect(actions.map((row) => row.action)).toEqual(["account.created", "account.disabled"]);
  });

  test("someone in two schools only leaves this one and its queue, and stays enabled", async () => {
    const twoSchools = await person("requester", ["0370037P", "0450029M"], ["ETAB-0370037P", "ETAB-0450029M"]);
    const headOfBoth = (await loadCaller((await person("manager", ["0370037P", "0450029M"])).id))!;
    expect(
      await removeStaffFromSchool(
        headOfBoth,
        { userId: twoSchools.id, establishmentId: choiseul, successorId: null },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toMatchObject({ ok: true });
    const after = (await loadCaller(twoSchools.id))!;
    expect(after.establishmentIds).toEqual([await schoolId("0450029M")]);
    const palissyQueue = (await database().select({ id: teams.id }).from(teams).where(eq(teams.code, "ETAB-0450029M")))[0]!.id;
    expect(after.teamIds).toEqual([palissyQueue]);
  });

  test("refusals: another school's staff (404), a successor from elsewhere (422), themselves (422), a requester (403)", async () => {
    const palissyCsl = await idOf("csl.palissy@guichet.test");
    expect(
      await removeStaffFromSchool(
        head,
        { userId: palissyCsl, establishmentId: await schoolId("0450029M"), successorId: null },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toEqual({ ok: false, failure: { kind: "not_found" } });
    const staying = await person("requester");
    expect(
      await removeStaffFromSchool(
        head,
        { userId: staying.id, establishmentId: choiseul, successorId: palissyCsl },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toMatchObject({ ok: false, failure: { kind: "unprocessable", errors: [{ field: "successorId" }] } });
    expect(
      await removeStaffFromSchool(head, { userId: head.id, establishmentId: choiseul, successorId: null }, new Date(), SYSTEM_ACTOR),
    ).toMatchObject({ ok: false, failure: { kind: "unprocessable" } });
    const requester = (await loadCaller(await idOf("csl.choiseul@guichet.test")))!;
    expect(
      await removeStaffFromSchool(
        requester,
        { userId: staying.id, establishmentId: choiseul, successorId: null },
        new Date(),
        SYSTEM_ACTOR,
      ),
    ).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await loadCaller(staying.id)).not.toBeNull();
  });
});
