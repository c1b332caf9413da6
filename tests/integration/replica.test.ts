import { and, eq, gte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, expect, test } from "vitest";
import { GET as establishmentDashboard } from "@/app/api/v1/dashboards/establishments/[uai]/route";
import { POST as fileTicket } from "@/app/api/v1/tickets/route";
import { GET as listTickets } from "@/app/api/v1/tickets/route";
import { createDatabase, database, replicaDatabase } from "@/db/client";
import { establishments, tickets } from "@/db/schema";
import { parisDay } from "@/lib/domain/business-calendar";
import type { TicketJson } from "@/lib/schemas/api-responses";
import { callRoute, tokenFor } from "../support/api-client";
import { useOwnDatabase } from "../support/own-database";
import { createTestStores, type TestStores } from "../support/test-database";

// The replica is a second database seeded alike, standing for a copy that has not caught up: what is filed
// on the primary afterwards is missing from it, so each read shows where it was made.
let replica: TestStores;
let drop: () => Promise<void>;
let csl: string, head: string;

beforeAll(async () => {
  replica = await createTestStores("replica");
  process.env.DATABASE_REPLICA_URL = replica.databaseUrl;
  drop = await useOwnDatabase("primary");
  [csl, head] = await Promise.all([tokenFor("csl.choiseul@guichet.test"), tokenFor("proviseur.choiseul@guichet.test")]);
});

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  await drop();
  await replica.drop();
});

const today = parisDay(new Date());
const from = DateTime.fromISO(today, { zone: "Europe/Paris" }).minus({ days: 999 });

async function choiseulTicketCount(url: string): Promise<number> {
  const { db, pool } = createDatabase(url);
  try {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(tickets)
      .innerJoin(establishments, eq(establishments.id, tickets.establishmentId))
      .where(and(eq(establishments.uai, "0370037P"), gte(tickets.createdAt, from.toJSDate())));
    return row!.count;
  } finally {
    await pool.end();
  }
}

test("DATABASE_REPLICA_URL: the dashboards read the replica, filing and the lists the primary", async () => {
  expect(replicaDatabase()).not.toBe(database());
  const filed = await callRoute<TicketJson>(fileTicket, {
    path: "/tickets",
    token: csl,
    body: {
      type: "incident",
      serviceCode: "POSTE",
      categoryCode: "POSTE-PANNE",
      establishmentUai: "0370037P",
      title: "Filed on the primary only",
      description: "Le poste de la salle B204 ne démarre plus.",
      impact: "individual",
      urgency: "medium",
    },
  });
  expect(filed.status).toBe(201);
  const onPrimary = await choiseulTicketCount(process.env.DATABASE_URL!);
  const onReplica = await choiseulTicketCount(replica.databaseUrl);
  expect(onPrimary).toBe(onReplica + 1);

  // The school's dashboard over the longest period counts the replica's tickets: the new one is not there yet.
  const dashboard = await callRoute<{ open: { total: number }; opened: { total: number } }, { uai: string }>(establishmentDashboard, {
    path: `/dashboards/establishments/0370037P?from=${from.toISODate()}&to=${today}`,
    token: head,
    params: { uai: "0370037P" },
  });
  expect(dashboard.status).toBe(200);
  const list = await callRoute<{ items: TicketJson[] }>(listTickets, { path: "/tickets?limit=100&establishment=0370037P", token: head });
  expect(list.body.items.map((ticket) => ticket.reference)).toContain(filed.body.reference);
  expect(dashboard.body.opened.total).toBe(onReplica);
  expect(dashboard.body.open.total).toBe(onReplica);
});
