import type { Job } from "bullmq";
import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PUT as putCategoryApproval } from "@/app/api/v1/categories/[code]/approval/route";
import { POST as decideRoute } from "@/app/api/v1/tickets/[reference]/approval/route";
import { PATCH as patchRoute, GET as readRoute } from "@/app/api/v1/tickets/[reference]/route";
import { database } from "@/db/client";
import { approvalLevelsOfTickets } from "@/db/queries/approvals";
import { auditEvents, filteringExceptions, notifications, outboxEmails, ticketApprovals, ticketEvents, tickets } from "@/db/schema";
import { addBusinessMinutes } from "@/lib/domain/business-calendar";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { env } from "@/lib/env";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { verifyApprovalToken } from "@/lib/services/approvals/approval-link";
import { setApprovalDelegate } from "@/lib/services/approvals/approval-delegates";
import { decideApproval, decideWithLink } from "@/lib/services/approvals/decide-approval";
import { loadSlaFacts } from "@/lib/services/sla/sla-facts";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { readTicketDetail } from "@/lib/services/tickets/read-ticket";
import { sweepApprovals } from "@/workers/processors/sweep-approvals";
import { callRoute, tokenFor, type ProblemBody } from "../support/api-client";
import { callerFor } from "../support/callers";
import { useOwnDatabase } from "../support/own-database";

/**
 * Approval before routing (issue 15), at Choiseul (0370037P, zone Ouest): Claire Martin (CSL) files, Paul Bernard
 * (chef d'établissement) approves, Luc Girard (chef de secteur Ouest) approves projects after the school.
 * Times are sent in: Friday 4 December 2026, 10:00 Paris (09:00 UTC), and the working days after it.
 */
const FRIDAY = new Date("2026-12-04T09:00:00Z");
const MONDAY = new Date("2026-12-07T09:00:00Z");
const TUESDAY = new Date("2026-12-08T09:00:00Z");
const actor: AuditActor = { userId: null, label: "test", ip: null, requestId: null };

let drop: () => Promise<void>;
let csl: Caller, head: Caller, sectorLead: Caller;
let cslToken: string, headToken: string, techToken: string, sectorToken: string;

beforeAll(async () => {
  drop = await useOwnDatabase("approvals");
  [csl, head, sectorLead] = (await Promise.all(
    ["csl.choiseul@guichet.test", "proviseur.choiseul@guichet.test", "chef.ouest@guichet.test"].map(callerFor),
  )) as [Caller, Caller, Caller];
  [cslToken, headToken, techToken, sectorToken] = (await Promise.all(
    ["csl.choiseul@guichet.test", "proviseur.choiseul@guichet.test", "tech.ouest@guichet.test", "chef.ouest@guichet.test"].map(tokenFor),
  )) as [string, string, string, string];
});

afterAll(async () => {
  await drop();
});

async function fileFiltering(by: Caller, now: Date): Promise<string> {
  const filed = await createTicket(
    by,
    {
      type: "request",
      serviceCode: "SECURITE",
      categoryCode: "SEC-FILTRAGE",
      establishmentUai: "0370037P",
      title: "Autoriser GeoGebra",
      description: "Le site est bloqué en salle B204 pendant les cours de mathématiques.",
      impact: "group",
      urgency: "low",
      fields: { url: "https://www.geogebra.org", decision: "autoriser", duration_days: "60" },
      ciIds: [],
    },
    [],
    now,
  );
  if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
  return filed.value.reference;
}

async function fileProject(by: Caller, now: Date): Promise<string> {
  const filed = await createTicket(
    by,
    {
      type: "request",
      serviceCode: "LOG-PEDA",
      categoryCode: "LOGPED-QUALIF",
      establishmentUai: "0370037P",
      title: "Qualifier Scratch 3",
      description: "Pour les cours de technologie de seconde.",
      impact: "group",
      urgency: "low",
      fields: { software: "Scratch 3", vendor: "MIT" },
      ciIds: [],
    },
    [],
    now,
  );
  if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
  return filed.value.reference;
}

async function ticketRow(reference: string) {
  const [row] = await database().select().from(tickets).where(eq(tickets.reference, reference));
  return row!;
}

/** The e-mails written for the ticket: to whom, and what they say. */
/** The register entries an approved ticket made: approved by whom, from and to which Paris day. */
async function registerEntriesOf(reference: string) {
  const { id } = await ticketRow(reference);
  return database()
    .select({
      url: filteringExceptions.url,
      startsOn: filteringExceptions.startsOn,
      endsOn: filteringExceptions.endsOn,
      approvedById: filteringExceptions.approvedById,
    })
    .from(filteringExceptions)
    .where(eq(filteringExceptions.ticketId, id));
}

async function mails(reference: string) {
  const { id } = await ticketRow(reference);
  return database()
    .select({ key: outboxEmails.idempotencyKey, to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.textBody })
    .from(outboxEmails)
    .where(eq(outboxEmails.ticketId, id))
    .orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.idempotencyKey));
}

const decide = (token: string, reference: string, body: unknown) =>
  callRoute<TicketJson & ProblemBody, { reference: string }>(decideRoute, {
    path: `/tickets/${reference}/approval`,
    token,
    body,
    params: { reference },
  });

describe("a school's filtering exception", () => {
  let reference: string;

  test("a requester's SEC-FILTRAGE waits unrouted with no SLA; its approver is mailed a link", async () => {
    reference = await fileFiltering(csl, FRIDAY);
    const ticket = await ticketRow(reference);
    expect(ticket).toMatchObject({ status: "awaiting_approval", assignedTeamId: null, ownBy: null, resolveBy: null, slaState: null });
    // The requester's "received, a team will take it" waits for the approval; the head gets the link.
    const written = await mails(reference);
    expect(written.map((mail) => mail.to)).toEqual(["proviseur.choiseul@guichet.test"]);
    expect(written[0]!.subject).toContain("Demande à valider");
    const token = /\/validation\/([^\s]+)/.exec(written[0]!.text)?.[1];
    expect(verifyApprovalToken(decodeURIComponent(token!), FRIDAY, env().AUTH_SECRET)).toMatchObject({
      valid: true,
      ticketId: ticket.id,
      level: 1,
      approverId: head.id,
    });

    const read = await callRoute<TicketJson, { reference: string }>(readRoute, {
      path: `/tickets/${reference}`,
      token: cslToken,
      params: { reference },
    });
    expect(read.body).toMatchObject({ status: "awaiting_approval", sla: null, assignedTeam: null, approval: { state: "pending" } });
  });

  test("the requester cannot approve (403), nor a technician; another school's staff do not see it (404); a refusal needs its reason (422)", async () => {
    expect((await decide(cslToken, reference, { decision: "approve" })).status).toBe(403);
    expect((await decide(await tokenFor("csl.palissy@guichet.test"), reference, { decision: "approve" })).status).toBe(404);
    expect((await decide(techToken, reference, { decision: "approve" })).status).toBe(403);
    const refused = await decide(headToken, reference, { decision: "refuse" });
    expect(refused.status).toBe(422);
    // Nor can the desk take it or move it on before its approval.
    const patched = await callRoute<ProblemBody, { reference: string }>(patchRoute, {
      path: `/tickets/${reference}`,
      token: techToken,
      method: "PATCH",
      body: { status: "new" },
      params: { reference },
    });
    expect(patched.status).toBe(409);
    expect((await ticketRow(reference)).status).toBe("awaiting_approval");
  });

  test("the head approves: it is routed, its clocks start at the approval, and the approval is its signature", async () => {
    expect(await registerEntriesOf(reference)).toEqual([]);
    const approved = await decideApproval(head, reference, { decision: "approve" }, actor, MONDAY);
    expect(approved).toEqual({ ok: true, value: { reference } });
    const ticket = await ticketRow(reference);
    expect(ticket.status).toBe("new");
    expect(ticket.assignedTeamId).not.toBeNull();
    const loaded = (await loadSlaFacts(database(), ticket.id, MONDAY))!;
    expect(loaded.facts.createdAt).toEqual(MONDAY);
    expect(ticket.ownBy).toEqual(addBusinessMinutes(loaded.settings.calendar, MONDAY, loaded.commitment!.own));
    expect(ticket.ownBy).not.toEqual(addBusinessMinutes(loaded.settings.calendar, FRIDAY, loaded.commitment!.own));

    const read = await callRoute<TicketJson, { reference: string }>(readRoute, {
      path: `/tickets/${reference}`,
      token: techToken,
      params: { reference },
    });
    expect(read.body.approval).toEqual({
      state: "approved",
      by: "Paul Bernard (Proviseur Choiseul)",
      function: "Chef d'établissement",
      as: "school_head",
      at: MONDAY.toISOString(),
    });
    const [signature] = await database()
      .select({ data: ticketEvents.data, createdAt: ticketEvents.createdAt })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, "approval")));
    expect(signature).toMatchObject({
      createdAt: MONDAY,
      data: { decision: "approved", by: { id: head.id }, function: "Chef d'établissement" },
    });
    const [audit] = await database()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "ticket.approved"), eq(auditEvents.objectId, ticket.id)));
    expect(audit).toBeDefined();
    // Now the requester hears it was received, as any routed ticket.
    expect((await mails(reference)).map((mail) => mail.to)).toContain("csl.choiseul@guichet.test");
    // Decided: a second decision is a conflict.
    expect((await decide(headToken, reference, { decision: "approve" })).status).toBe(409);
    // The school's register lists the exception from the approval's day, for the 60 days asked.
    expect(await registerEntriesOf(reference)).toEqual([
      { url: "https://www.geogebra.org", startsOn: "2026-12-07", endsOn: "2027-02-05", approvedById: head.id },
    ]);
  });

  test("a refusal cancels it and mails the requester why", async () => {
    const refused = await fileFiltering(csl, FRIDAY);
    const answer = await decide(headToken, refused, { decision: "refuse", reason: "Site sans rapport avec les enseignements." });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "cancelled", approval: { state: "refused", by: "Paul Bernard (Proviseur Choiseul)" } });
    const ticket = await ticketRow(refused);
    expect(ticket).toMatchObject({ status: "cancelled", assignedTeamId: null, ownBy: null });
    expect(await registerEntriesOf(refused)).toEqual([]);
    const toRequester = (await mails(refused)).filter((mail) => mail.to === "csl.choiseul@guichet.test");
    expect(toRequester).toHaveLength(1);
    expect(toRequester[0]!.subject).toContain("n'a pas été validée");
    expect(toRequester[0]!.text).toContain("Site sans rapport avec les enseignements.");
    // The link is spent with the decision.
    const token = decodeURIComponent(/\/validation\/([^\s]+)/.exec((await mails(refused))[0]!.text)![1]!);
    expect(await decideWithLink(token, { decision: "approve" }, actor, new Date())).toMatchObject({
      ok: false,
      failure: { kind: "conflict", message: "approvals.errors.linkSpent" },
    });
  });

  test("the head's own filing is approved at once: routed, signed, with no approval mail", async () => {
    const own = await fileFiltering(head, FRIDAY);
    const ticket = await ticketRow(own);
    expect(ticket.status).toBe("new");
    expect(ticket.assignedTeamId).not.toBeNull();
    expect(ticket.ownBy).not.toBeNull();
    const levels = await database().select().from(ticketApprovals).where(eq(ticketApprovals.ticketId, ticket.id));
    expect(levels).toMatchObject([{ level: 1, state: "approved", decidedById: head.id, decidedAt: FRIDAY }]);
    const audit = await database()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "ticket.approved"), eq(auditEvents.objectId, ticket.id)));
    expect(audit).toMatchObject([{ actorId: head.id, after: { level: 1, atFiling: true } }]);
    expect((await mails(own)).some((mail) => mail.key.startsWith("approval:"))).toBe(false);
    expect(await registerEntriesOf(own)).toEqual([
      { url: "https://www.geogebra.org", startsOn: "2026-12-04", endsOn: "2027-02-02", approvedById: head.id },
    ]);
  });

  test("the head approves from the e-mail's link, once, without signing in", async () => {
    const linked = await fileFiltering(csl, FRIDAY);
    const token = decodeURIComponent(/\/validation\/([^\s]+)/.exec((await mails(linked))[0]!.text)![1]!);
    expect(await decideWithLink(token, { decision: "refuse" }, actor, MONDAY)).toMatchObject({
      ok: false,
      failure: { kind: "unprocessable" },
    });
    expect(await decideWithLink(token, { decision: "approve" }, actor, MONDAY)).toEqual({ ok: true, value: { reference: linked } });
    expect((await ticketRow(linked)).status).toBe("new");
    expect(await decideWithLink(token, { decision: "approve" }, actor, MONDAY)).toMatchObject({ ok: false, failure: { kind: "conflict" } });
  });
});

describe("a project: the school, then the zone's sector lead", () => {
  test("the sector lead is told only once the school approved, then its approval routes the ticket", async () => {
    const reference = await fileProject(csl, FRIDAY);
    const ticket = await ticketRow(reference);
    expect((await mails(reference)).map((mail) => mail.to)).toEqual(["proviseur.choiseul@guichet.test"]);
    // Too early for the sector lead: the school's level is pending.
    expect((await decide(sectorToken, reference, { decision: "approve" })).status).toBe(409);

    expect(await decideApproval(head, reference, { decision: "approve" }, actor, MONDAY)).toMatchObject({ ok: true });
    expect((await ticketRow(reference)).status).toBe("awaiting_approval");
    // The sector lead now: an e-mail with its link, and the staff notification `approval`.
    expect((await mails(reference)).map((mail) => mail.to)).toContain("chef.ouest@guichet.test");
    const told = await database()
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.ticketId, ticket.id), eq(notifications.recipientId, sectorLead.id)));
    expect(told).toEqual([{ kind: "approval" }]);
    // The head decided the school's level; the sector lead's is not theirs.
    expect((await decide(headToken, reference, { decision: "approve" })).status).toBe(409);

    expect(await decideApproval(sectorLead, reference, { decision: "approve" }, actor, TUESDAY)).toMatchObject({ ok: true });
    const routed = await ticketRow(reference);
    expect(routed.status).toBe("new");
    expect(routed.assignedTeamId).not.toBeNull();
    const loaded = (await loadSlaFacts(database(), routed.id, TUESDAY))!;
    expect(loaded.facts.createdAt).toEqual(TUESDAY);
    const read = await callRoute<TicketJson, { reference: string }>(readRoute, {
      path: `/tickets/${reference}`,
      token: cslToken,
      params: { reference },
    });
    expect(read.body.approval).toMatchObject({
      state: "approved",
      by: "Luc Girard (Chef de secteur Ouest)",
      as: "sector_lead",
      at: TUESDAY.toISOString(),
    });
    // The detail's levels, read in its one statement, are the list's: in order, their times as dates.
    const detail = (await readTicketDetail(csl, reference, TUESDAY))!;
    expect(detail.approvals).toEqual((await approvalLevelsOfTickets(database(), [routed.id])).get(routed.id));
    expect(detail.approvals).toMatchObject([
      { level: 1, approverKind: "school_head", openedAt: FRIDAY, decidedAt: MONDAY, decidedById: head.id, remindedAt: null },
      { level: 2, approverKind: "sector_lead", openedAt: MONDAY, decidedAt: TUESDAY, decidedById: sectorLead.id, reason: null },
    ]);
    expect(await readTicketDetail(await callerFor("csl.palissy@guichet.test"), reference, TUESDAY)).toBeNull();
  });
});

describe("who approves: the head's delegates, the categories' levels", () => {
  test("the head names a delegate, whose own filing is then approved at once; only the head names them", async () => {
    const input = { uai: "0370037P", userId: csl.id };
    expect(await setApprovalDelegate(csl, input, true, actor)).toMatchObject({ ok: false, failure: { kind: "forbidden" } });
    expect(await setApprovalDelegate(head, input, true, actor)).toEqual({ ok: true, value: null });
    try {
      const reference = await fileFiltering(csl, FRIDAY);
      const ticket = await ticketRow(reference);
      expect(ticket.status).toBe("new");
      const levels = await database().select().from(ticketApprovals).where(eq(ticketApprovals.ticketId, ticket.id));
      expect(levels).toMatchObject([{ state: "approved", decidedById: csl.id, decidedFunction: "Correspondant support local (CSL)" }]);
    } finally {
      expect(await setApprovalDelegate(head, input, false, actor)).toEqual({ ok: true, value: null });
    }
    expect(await fileFiltering(csl, FRIDAY).then(ticketRow)).toMatchObject({ status: "awaiting_approval" });
  });

  test("an admin sets a category's levels through the API; nobody else may", async () => {
    const put = (token: string, body: unknown) =>
      callRoute<ProblemBody & { approvalLevels: string[] }, { code: string }>(putCategoryApproval, {
        path: "/categories/POSTE-IMAC/approval",
        token,
        method: "PUT",
        body,
        params: { code: "POSTE-IMAC" },
      });
    expect((await put(headToken, { levels: ["secretary_general"] })).status).toBe(403);
    const adminToken = await tokenFor("admin@guichet.test");
    expect((await put(adminToken, { levels: ["mayor"] })).status).toBe(400);
    const set = await put(adminToken, { levels: ["secretary_general"] });
    expect(set).toMatchObject({ status: 200, body: { code: "POSTE-IMAC", approvalLevels: ["secretary_general"], project: false } });
    expect((await put(adminToken, { levels: [] })).body.approvalLevels).toEqual([]);
  });
});

describe("deadlines, in working days across a weekend", () => {
  test("a reminder after 2 working days, once; after 10 the ticket is cancelled with a message to both", async () => {
    const reference = await fileFiltering(csl, FRIDAY);
    const sweep = (at: string) => sweepApprovals({ data: { at } } as Job);
    const reminders = async () => (await mails(reference)).filter((mail) => mail.key.startsWith("approval_reminder:"));

    // Monday afternoon is 1 working day after Friday 10:00: nothing yet.
    await sweep("2026-12-07T16:00:00Z");
    expect(await reminders()).toEqual([]);
    // Tuesday 10:00 Paris: the head is reminded, once however often the worker runs.
    await sweep("2026-12-08T09:00:00Z");
    await sweep("2026-12-08T09:15:00Z");
    const reminded = await reminders();
    expect(reminded.map((mail) => mail.to)).toEqual(["proviseur.choiseul@guichet.test"]);
    expect(reminded[0]!.subject).toContain("Rappel");

    // Thursday 17 December, 9 working days: still waiting. Friday 18, 10:00 Paris: given up.
    await sweep("2026-12-17T09:00:00Z");
    expect((await ticketRow(reference)).status).toBe("awaiting_approval");
    await sweep("2026-12-18T09:00:00Z");
    await sweep("2026-12-18T09:15:00Z");
    expect((await ticketRow(reference)).status).toBe("cancelled");
    const expired = (await mails(reference)).filter((mail) => mail.key.startsWith("approval_expired:"));
    expect(expired.map((mail) => mail.to).sort()).toEqual(["csl.choiseul@guichet.test", "proviseur.choiseul@guichet.test"]);
    expect(await reminders()).toHaveLength(1);
    const { id } = await ticketRow(reference);
    const expiries = await database()
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "ticket.approval_expired"), eq(auditEvents.objectId, id)));
    expect(expiries).toHaveLength(1);
    const outcomes = await database()
      .select({ key: outboxEmails.idempotencyKey })
      .from(outboxEmails)
      .where(like(outboxEmails.idempotencyKey, `approval_expired:%`));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
  });
});
