import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { database, type Executor } from "@/db/client";
import { listTickets, TICKET_SORTS, type TicketListFilters } from "@/db/queries/ticket-list";
import { categories, establishments, teams, tickets, ticketWatchers, users, zones } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { canSeeTicket, ticketScope } from "@/lib/domain/ticket-visibility";
import { PRIORITIES, TICKET_STATUSES } from "@/lib/domain/vocabulary";
import { callerFor } from "../support/callers";

/**
 * A list over a scope reads each member's page apart (a team's, a school's, the filer's) and merges them
 * (db/queries/ticket-list.ts): every page, walked cursor after cursor, must hold what the one query over every
 * ticket gives, kept to those the visibility rule lets the caller see, in the same order.
 */

type Filters = Omit<TicketListFilters, "scope" | "limit" | "after">;

let technician: Caller, requester: Caller, twoTeams: Caller;

beforeAll(async () => {
  [technician, requester] = await Promise.all([callerFor("tech.ouest@guichet.test"), callerFor("csl.choiseul@guichet.test")]);
  const db = database();
  const [est] = await db.select({ id: teams.id, zoneId: teams.zoneId }).from(teams).where(eq(teams.code, "PROX-EST"));
  const [eole] = await db.select({ id: teams.id }).from(teams).where(eq(teams.code, "EQ-E-EOLE"));
  // Several teams, several zones: a sector lead's kind of scope.
  twoTeams = { ...technician, teamIds: [...technician.teamIds, est!.id, eole!.id], zoneIds: [...technician.zoneIds, est!.zoneId!] };
});

const BASE = Date.parse("2031-03-02T08:00:00Z");
const minutes = (n: number) => new Date(BASE + n * 60_000);

/** 150 tickets over every school, team, status and priority, with ties on every sort key, some watched or taken on the phone. */
async function addFixture(tx: Executor) {
  const schools = await tx.select({ id: establishments.id }).from(establishments).orderBy(establishments.uai);
  const desk = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(inArray(teams.code, ["PROX-OUEST", "PROX-EST", "PROX-NORD", "EQ-E-EOLE", "EQ-E-NETOCENTRE", "EQ-E-SD_OPE"]))
    .orderBy(teams.code);
  const people = await tx.select({ id: users.id }).from(users).orderBy(users.email).limit(12);
  const kinds = await tx.select({ id: categories.id, serviceId: categories.serviceId }).from(categories).orderBy(categories.code).limit(5);
  const rows = Array.from({ length: 150 }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return {
      reference: `GU-2031-${String(900_000 + i)}`,
      type: i % 3 === 0 ? ("request" as const) : ("incident" as const),
      status: TICKET_STATUSES[i % TICKET_STATUSES.length]!,
      priority: PRIORITIES[(i * 7) % PRIORITIES.length]!,
      impact: "individual" as const,
      urgency: "low" as const,
      title: i % 5 === 0 ? "Imprimante bloquée" : `Poste lent ${i}`,
      description: "Fixture de la liste par membres du périmètre.",
      establishmentId: schools[(i * 7) % schools.length]!.id,
      requesterId: i % 11 === 0 ? technician.id : i % 7 === 0 ? requester.id : people[i % people.length]!.id,
      takenById: i % 13 === 0 ? (i % 2 ? technician.id : requester.id) : null,
      serviceId: kind.serviceId,
      categoryId: kind.id,
      assignedTeamId: i % 6 === 5 ? null : desk[i % desk.length]!.id,
      assigneeId: i % 4 === 0 ? technician.id : null,
      // Three tickets per minute, deadlines and updates repeated: the id decides ties.
      createdAt: minutes(Math.floor(i / 3)),
      updatedAt: minutes((i * 37) % 60),
      resolveBy: i % 4 === 1 ? null : minutes(600 + ((i * 53) % 40)),
      slaState: (["ok", "at_risk", "breached"] as const)[i % 3],
    };
  });
  const added = await tx.insert(tickets).values(rows).returning({ id: tickets.id, reference: tickets.reference });
  // Microseconds, as rows written by SQL's now() carry them (a seed, an import): a cursor that kept only a Date's
  // milliseconds sorted before its own row, and the next page began with that row again.
  await tx.execute(sql`update ${tickets} set created_at = created_at + interval '417 microseconds',
    updated_at = updated_at + interval '291 microseconds', resolve_by = resolve_by + interval '733 microseconds'
    where ${inArray(
      tickets.id,
      added.map((ticket) => ticket.id),
    )}`);
  const [watching] = technician.teamIds;
  await tx
    .insert(ticketWatchers)
    .values(added.filter((_, i) => i % 9 === 4).map((ticket) => ({ ticketId: ticket.id, teamId: watching! })))
    .onConflictDoNothing();
}

/** Every ticket's facts for the visibility rule (no vendor callers here). */
async function allFacts(tx: Executor) {
  const rows = await tx
    .select({
      id: tickets.id,
      establishmentId: tickets.establishmentId,
      zoneId: establishments.zoneId,
      assignedTeamId: tickets.assignedTeamId,
      requesterId: tickets.requesterId,
      takenById: tickets.takenById,
      watcherTeamIds: sql<
        string[]
      >`array(select ${ticketWatchers.teamId}::text from ${ticketWatchers} where ${ticketWatchers.ticketId} = ${tickets.id})`,
    })
    .from(tickets)
    .innerJoin(establishments, eq(establishments.id, tickets.establishmentId));
  return new Map(rows.map((row) => [row.id, { ...row, vendorGrants: [] }]));
}

/** The whole list page by page (4 a page: pages cross members), as references. */
async function walk(tx: Executor, caller: Caller, filters: Filters): Promise<{ references: string[]; pages: number }> {
  const references: string[] = [];
  let after: TicketListFilters["after"];
  let pages = 0;
  do {
    const page = await listTickets(tx, { ...filters, scope: ticketScope(caller, new Date()), limit: 4, after });
    references.push(...page.items.map((item) => item.reference));
    after = page.next ?? undefined;
    pages++;
  } while (after);
  return { references, pages };
}

/** One query over every ticket (no scope to take apart), kept to what the caller sees. */
async function expected(tx: Executor, caller: Caller, filters: Filters): Promise<string[]> {
  const facts = await allFacts(tx);
  const all = await listTickets(tx, { ...filters, scope: { kind: "all" }, limit: 100_000 });
  return all.items.filter((item) => canSeeTicket(caller, facts.get(item.id)!, new Date())).map((item) => item.reference);
}

/** Runs `check` on the fixture in a transaction that is rolled back: the database stays as the other files expect it. */
async function onFixture(check: (tx: Executor) => Promise<void>) {
  const rollback = new Error("rollback");
  await expect(
    database().transaction(async (tx) => {
      await addFixture(tx);
      await check(tx);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
}

describe("listTickets over a scope's members", () => {
  test("every sort, open or not, pages as the one query does, for a technician, a requester and a two-team reader", async () => {
    await onFixture(async (tx) => {
      for (const caller of [technician, requester, twoTeams])
        for (const sort of TICKET_SORTS)
          for (const filters of [{ sort }, { sort, statuses: OPEN_STATUSES }] satisfies Filters[]) {
            const want = await expected(tx, caller, filters);
            const got = await walk(tx, caller, filters);
            expect(got.references, `${caller.email} ${JSON.stringify(filters)}`).toEqual(want);
            if (!filters.statuses) expect(got.pages).toBeGreaterThan(5);
          }
    });
  });

  test("with each filter: status, zone, service, words, type and priority, mine, the unassigned and at-risk queues", async () => {
    await onFixture(async (tx) => {
      const [service] = await tx
        .select({ code: sql<string>`(select code from services where id = ${categories.serviceId})` })
        .from(categories)
        .orderBy(categories.code)
        .limit(1);
      const [zone] = await tx.select({ code: zones.code }).from(zones).where(eq(zones.code, "EST"));
      for (const caller of [technician, requester, twoTeams]) {
        const cases: Filters[] = [
          { status: "closed" },
          { zoneCode: zone!.code },
          { serviceCode: service!.code },
          { q: "imprimante" },
          { type: "request", priority: "P2" },
          { requesterId: caller.id },
          { assignee: "none", statuses: OPEN_STATUSES },
          { slaStates: ["at_risk", "breached"], statuses: OPEN_STATUSES, sort: "due_asc" },
        ];
        for (const filters of cases) {
          const want = await expected(tx, caller, filters);
          expect((await walk(tx, caller, filters)).references, `${caller.email} ${JSON.stringify(filters)}`).toEqual(want);
          expect(want.length, `${caller.email} ${JSON.stringify(filters)}`).toBeGreaterThan(0);
        }
      }
    });
  });
});
