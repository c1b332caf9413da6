import { eq } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { calendarClosures, teams, tickets } from "@/db/schema";
import type { Caller } from "@/lib/domain/caller";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { referenceData } from "@/lib/services/routing/reference-cache";
import { setRoutingRuleEnabled } from "@/lib/services/routing/routing-rules";
import type { ServiceFailure } from "@/lib/services/service-result";
import { referenceTeamSlaSettings, teamSlaSettings } from "@/lib/services/sla/team-calendar";
import { createTicket } from "@/lib/services/tickets/create-ticket";
import { callerFor } from "../support/callers";

// Another process writing the same database (a second web process, the worker, psql): its own connection.
let other: Client;
let admin: Caller;

beforeAll(async () => {
  other = new Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  admin = await callerFor("admin@guichet.test");
});

afterAll(async () => {
  await other.end();
});

const networkIncident = {
  type: "incident" as const,
  serviceCode: "RESEAU",
  categoryCode: "RES-PANNE",
  establishmentUai: "0370037P",
  title: "Plus de réseau en salle 101",
  description: "Aucun poste de la salle ne se connecte depuis ce matin.",
  impact: "group" as const,
  urgency: "high" as const,
  fields: { rooms: "S101" },
  ciIds: [],
};

/** The network incident filed now: its row's routing rule, priority and critical period. */
async function filedRow() {
  const filed = await createTicket(admin, networkIncident, [], new Date());
  if (!filed.ok) throw new Error(JSON.stringify(filed.failure));
  const [row] = await database()
    .select({ ruleId: tickets.routingRuleId, priority: tickets.priority, criticalPeriodId: tickets.criticalPeriodId })
    .from(tickets)
    .where(eq(tickets.reference, filed.value.reference));
  return row!;
}

async function filedRule(): Promise<string | null> {
  return (await filedRow()).ruleId;
}

/** Why filing the network incident now fails, or null when it is filed. */
async function refusal(): Promise<ServiceFailure | null> {
  const filed = await createTicket(admin, networkIncident, [], new Date());
  return filed.ok ? null : filed.failure;
}

/** A P1 exam period from yesterday to tomorrow (whatever the Paris date), declared by another process. */
async function declarePeriod(allEstablishments: boolean): Promise<string> {
  const { rows } = await other.query<{ id: string }>(
    `INSERT INTO critical_periods (name, kind, starts_on, ends_on, priority_floor, all_establishments)
     VALUES ('Oraux', 'autre', current_date - 1, current_date + 1, 'P1', $1) RETURNING id`,
    [allEstablishments],
  );
  return rows[0]!.id;
}

/** The period gone, and the tickets it raised let go of it (they keep their priority). */
async function withdrawPeriod(id: string): Promise<void> {
  await other.query("UPDATE tickets SET critical_period_id = NULL WHERE critical_period_id = $1", [id]);
  await other.query("DELETE FROM critical_periods WHERE id = $1", [id]);
}

describe("the reference data cached per process", () => {
  test("a filing follows a rule disabled since the last one", async () => {
    const first = await filedRule();
    expect(first).not.toBeNull();
    const actor = auditActor({}, admin);
    const disabled = await setRoutingRuleEnabled(admin, { id: first!, enabled: false }, new Date(), actor);
    expect(disabled.ok).toBe(true);
    try {
      expect(await filedRule()).not.toBe(first);
    } finally {
      await setRoutingRuleEnabled(admin, { id: first!, enabled: true }, new Date(), actor);
    }
    expect(await filedRule()).toBe(first);
  });

  test("a write by another process, outside the app, is seen at the next read", async () => {
    const [team] = await database().select({ id: teams.id, code: teams.code }).from(teams).limit(1);
    await referenceData();
    const morning = [{ start: "08:00", end: "12:00" }];
    const weekly = { 1: morning, 2: morning, 3: morning, 4: morning, 5: morning, 6: [], 7: [] };
    const { rows } = await other.query<{ weekly_hours: unknown }>("SELECT weekly_hours FROM teams WHERE id = $1", [team!.id]);
    await other.query("UPDATE teams SET weekly_hours = $1 WHERE id = $2", [JSON.stringify(weekly), team!.id]);
    try {
      const cached = (await referenceData()).teams.find((row) => row.id === team!.id);
      expect(cached?.weeklyHours).toEqual(weekly);
    } finally {
      await other.query("UPDATE teams SET weekly_hours = $1 WHERE id = $2", [JSON.stringify(rows[0]!.weekly_hours), team!.id]);
    }
    const restored = (await referenceData()).teams.find((row) => row.id === team!.id);
    expect(restored?.weeklyHours).toEqual(rows[0]!.weekly_hours);
  });

  test("another process's uncommitted change is not cached, nor kept once rolled back", async () => {
    const before = (await referenceData()).closures.length;
    await other.query("BEGIN");
    await other.query("INSERT INTO calendar_closures (from_date, to_date, label) VALUES ('2030-01-02', '2030-01-03', 'pont')");
    expect((await referenceData()).closures).toHaveLength(before);
    await other.query("ROLLBACK");
    expect((await referenceData()).closures).toHaveLength(before);
  });

  test("a team's SLA settings from the cache are those read from the database, closures added included", async () => {
    const now = new Date();
    const [team] = await database().select({ id: teams.id }).from(teams).limit(1);
    const [closure] = await database()
      .insert(calendarClosures)
      .values({ teamId: team!.id, fromDate: "2030-05-02", toDate: "2030-05-03", label: "pont de l'équipe" })
      .returning({ id: calendarClosures.id });
    try {
      const reference = await referenceData();
      expect(reference.closures.some((row) => row.label === "pont de l'équipe")).toBe(true);
      for (const teamId of [null, ...reference.teams.map((row) => row.id)]) {
        expect(referenceTeamSlaSettings(reference, teamId, now)).toEqual(await teamSlaSettings(database(), teamId, now));
      }
    } finally {
      await database().delete(calendarClosures).where(eq(calendarClosures.id, closure!.id));
    }
    expect((await referenceData()).closures.some((row) => row.label === "pont de l'équipe")).toBe(false);
  });

  test("a category changed by another process is seen at the next filing; a rolled-back change is not", async () => {
    expect(await refusal()).toBeNull();
    await other.query("BEGIN");
    await other.query("UPDATE categories SET type = 'request' WHERE code = $1", [networkIncident.categoryCode]);
    expect(await refusal()).toBeNull();
    await other.query("ROLLBACK");
    expect(await refusal()).toBeNull();
    await other.query("UPDATE categories SET type = 'request' WHERE code = $1", [networkIncident.categoryCode]);
    try {
      expect(await refusal()).toMatchObject({ kind: "unprocessable", message: "tickets.errors.categoryType" });
    } finally {
      await other.query("UPDATE categories SET type = 'incident' WHERE code = $1", [networkIncident.categoryCode]);
    }
    expect(await refusal()).toBeNull();
  });

  test("a service's code changed by another process is seen at the next filing", async () => {
    await other.query("UPDATE services SET code = 'RESEAU-2' WHERE code = $1", [networkIncident.serviceCode]);
    try {
      expect(await refusal()).toMatchObject({ kind: "unprocessable", message: "tickets.errors.noSuchCategory" });
    } finally {
      await other.query("UPDATE services SET code = $1 WHERE code = 'RESEAU-2'", [networkIncident.serviceCode]);
    }
    expect(await refusal()).toBeNull();
  });

  test("a critical period declared by another process raises the next filing; a rolled-back one does not", async () => {
    expect(await filedRow()).toMatchObject({ priority: "P2", criticalPeriodId: null });
    await other.query("BEGIN");
    await declarePeriod(true);
    expect(await filedRow()).toMatchObject({ priority: "P2", criticalPeriodId: null });
    await other.query("ROLLBACK");
    expect(await filedRow()).toMatchObject({ priority: "P2", criticalPeriodId: null });
    const period = await declarePeriod(true);
    try {
      expect(await filedRow()).toMatchObject({ priority: "P1", criticalPeriodId: period });
    } finally {
      await withdrawPeriod(period);
    }
    expect(await filedRow()).toMatchObject({ priority: "P2", criticalPeriodId: null });
  });

  test("a school added to a period's list by another process is seen at the next filing", async () => {
    const period = await declarePeriod(false);
    try {
      expect(await filedRow()).toMatchObject({ priority: "P2", criticalPeriodId: null });
      await other.query(
        "INSERT INTO critical_period_establishments (critical_period_id, establishment_id) SELECT $1, id FROM establishments WHERE uai = $2",
        [period, networkIncident.establishmentUai],
      );
      expect(await filedRow()).toMatchObject({ priority: "P1", criticalPeriodId: period });
    } finally {
      await withdrawPeriod(period);
    }
  });
});
