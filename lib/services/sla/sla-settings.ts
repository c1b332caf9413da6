import { and, eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { listClosures, listVendorsWithRepairTime, teamByCode, teamsWithSlaSettings } from "@/db/queries/sla-settings";
import { calendarClosures, teams, tickets, vendors, vendorWaits } from "@/db/schema";
import { currentVendorWaits } from "@/db/queries/ticket-sla";
import { DEFAULT_CALENDAR, parisDay } from "@/lib/domain/business-calendar";
import type { AuditActor } from "@/lib/domain/audit";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { DEFAULT_ESCALATION_LEVELS } from "@/lib/domain/sla-alarms";
import { vendorDeadline } from "@/lib/domain/sla-vendor";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { isDefaultWeeklyHours } from "@/lib/domain/weekly-hours";
import type { AddClosureInput, LadderInput, RepairTimeInput, WeeklyHoursInput } from "@/lib/schemas/sla-settings";
import { recordAudit } from "../audit/record-audit";
import { fail, succeed, type ServiceFailure, type ServiceResult } from "../service-result";
import { changeAndRecompute } from "./recompute-open-tickets";
import { VENDOR_CALENDAR } from "./sla-facts";

const FORBIDDEN: ServiceFailure = { kind: "forbidden", message: "sla.errors.forbidden" };
/** How far back the closures page lists closures that are over. */
const PAST_CLOSURES_DAYS = 365;

/** Everything the calendars page shows: teams with their settings, closures (current and of the last year), vendors. */
export async function readSlaSettings(caller: Caller, now: Date) {
  if (!can(caller, "sla.manage")) return null;
  const db = database();
  const [teamRows, closures, vendorRows] = await Promise.all([
    teamsWithSlaSettings(db, OPEN_STATUSES),
    listClosures(db, parisDay(new Date(now.getTime() - PAST_CLOSURES_DAYS * 86_400_000))),
    listVendorsWithRepairTime(db),
  ]);
  return { teams: teamRows, closures, vendors: vendorRows, today: parisDay(now) };
}

/** One team's settings, with the defaults it falls back to. */
export async function readTeamSlaSettings(caller: Caller, code: string) {
  if (!can(caller, "sla.manage")) return null;
  const team = await teamByCode(database(), code);
  if (!team) return null;
  return {
    ...team,
    customHours: team.weeklyHours !== null,
    customLadder: team.escalationLevels !== null,
    weekly: team.weeklyHours ?? DEFAULT_CALENDAR.weekly,
    levels: team.escalationLevels ?? DEFAULT_ESCALATION_LEVELS,
  };
}

const unknownTeam = (field: string) =>
  fail<never>({ kind: "invalid", message: "forms.errors.checkFields", errors: [{ field, message: "forms.errors.unknownTeam" }] });

/** A team and the settings an audit row shows before → after, locked. */
async function lockTeam(tx: Executor, code: string) {
  const [team] = await tx
    .select({ id: teams.id, code: teams.code, weeklyHours: teams.weeklyHours, escalationLevels: teams.escalationLevels })
    .from(teams)
    .where(eq(teams.code, code))
    .for("update");
  return team ?? null;
}

/** The open tickets a closure of one team (or of every team, when null) touches. */
const heldBy = (id: string | null) => (id ? eq(tickets.assignedTeamId, id) : undefined);

export async function addClosure(
  caller: Caller,
  input: AddClosureInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ id: string; recomputed: number }>> {
  if (!can(caller, "sla.manage")) return fail(FORBIDDEN);
  return changeAndRecompute(
    async (tx) => {
      const team = input.teamCode ? await lockTeam(tx, input.teamCode) : null;
      if (input.teamCode && !team) return unknownTeam("teamCode");
      const [created] = await tx
        .insert(calendarClosures)
        .values({
          teamId: team?.id ?? null,
          fromDate: input.from,
          toDate: input.to,
          label: input.label,
          createdById: caller.id,
          createdAt: now,
        })
        .returning({ id: calendarClosures.id });
      await recordAudit(tx, actor, {
        action: "sla.closure_added",
        objectType: "closure",
        objectId: created!.id,
        after: { teamCode: team?.code ?? null, from: input.from, to: input.to, label: input.label },
      });
      return succeed({ id: created!.id, teamId: team?.id ?? null });
    },
    (added) => heldBy(added.teamId),
    now,
  );
}

export async function deleteClosure(
  caller: Caller,
  input: { id: string },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  if (!can(caller, "sla.manage")) return fail(FORBIDDEN);
  return changeAndRecompute(
    async (tx) => {
      const [removed] = await tx
        .select({
          teamId: calendarClosures.teamId,
          teamCode: teams.code,
          from: calendarClosures.fromDate,
          to: calendarClosures.toDate,
          label: calendarClosures.label,
        })
        .from(calendarClosures)
        .leftJoin(teams, eq(teams.id, calendarClosures.teamId))
        .where(eq(calendarClosures.id, input.id))
        .for("update", { of: calendarClosures });
      if (!removed) return fail({ kind: "not_found" });
      await tx.delete(calendarClosures).where(eq(calendarClosures.id, input.id));
      const { teamId, ...before } = removed;
      await recordAudit(tx, actor, { action: "sla.closure_deleted", objectType: "closure", objectId: input.id, before });
      return succeed({ teamId });
    },
    (removed) => heldBy(removed.teamId),
    now,
  );
}

type TeamSetting =
  { weeklyHours: typeof teams.$inferInsert.weeklyHours } | { escalationLevels: typeof teams.$inferInsert.escalationLevels };

/** Changes one team's weekly hours or ladder (null: back to the default), audited, and recomputes the open tickets it holds. */
function updateTeam(caller: Caller, teamCode: string, value: TeamSetting, now: Date, actor: AuditActor) {
  if (!can(caller, "sla.manage")) return Promise.resolve(fail<never>(FORBIDDEN));
  return changeAndRecompute(
    async (tx) => {
      const team = await lockTeam(tx, teamCode);
      if (!team) return fail({ kind: "not_found" });
      await tx.update(teams).set(value).where(eq(teams.id, team.id));
      const hours = "weeklyHours" in value;
      await recordAudit(tx, actor, {
        action: hours ? "sla.hours_changed" : "sla.ladder_changed",
        objectType: "team",
        objectId: team.id,
        before: hours
          ? { teamCode: team.code, weeklyHours: team.weeklyHours }
          : { teamCode: team.code, escalationLevels: team.escalationLevels },
        after: { teamCode: team.code, ...value },
      });
      return succeed({ id: team.id });
    },
    (team) => heldBy(team.id),
    now,
  );
}

/** A week equal to the default is stored as the default (null), so the team follows it. */
export function setTeamWeeklyHours(
  caller: Caller,
  input: WeeklyHoursInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  return updateTeam(caller, input.teamCode, { weeklyHours: isDefaultWeeklyHours(input.weekly) ? null : input.weekly }, now, actor);
}

export function setTeamLadder(
  caller: Caller,
  input: LadderInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  return updateTeam(caller, input.teamCode, { escalationLevels: input.levels }, now, actor);
}

/** Back to the default weekly hours or ladder. */
export function resetTeamSetting(
  caller: Caller,
  input: { teamCode: string; what: "hours" | "ladder" },
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  return updateTeam(caller, input.teamCode, input.what === "hours" ? { weeklyHours: null } : { escalationLevels: null }, now, actor);
}

/**
 * A vendor's repair time. It applies to the waits under way too (their deadline is recomputed from when
 * they started, so the ticket page, the vendor's alarm and its compliance agree); waits already over keep
 * the deadline they had. The open tickets waiting for the vendor are recomputed (their vendor alarm moves).
 */
export async function setVendorRepairTime(
  caller: Caller,
  input: RepairTimeInput,
  now: Date,
  actor: AuditActor,
): Promise<ServiceResult<{ recomputed: number }>> {
  if (!can(caller, "sla.manage")) return fail(FORBIDDEN);
  return changeAndRecompute(
    async (tx) => {
      const [vendor] = await tx
        .select({ id: vendors.id, name: vendors.name, repairCommitment: vendors.repairCommitment })
        .from(vendors)
        .where(eq(vendors.id, input.vendorId))
        .for("update");
      if (!vendor) return fail({ kind: "not_found" });
      await tx.update(vendors).set({ repairCommitment: input.commitment }).where(eq(vendors.id, vendor.id));
      await recordAudit(tx, actor, {
        action: "vendor.repair_time_changed",
        objectType: "vendor",
        objectId: vendor.id,
        before: { name: vendor.name, repairCommitment: vendor.repairCommitment },
        after: { name: vendor.name, repairCommitment: input.commitment },
      });
      const current = await currentVendorWaits(tx, vendor.id);
      for (const wait of current) {
        await tx
          .update(vendorWaits)
          .set({ dueAt: input.commitment ? vendorDeadline(VENDOR_CALENDAR, input.commitment, wait.since) : null })
          .where(and(eq(vendorWaits.ticketId, wait.ticketId), eq(vendorWaits.since, wait.since)));
      }
      return succeed({});
    },
    () => eq(tickets.vendorId, input.vendorId),
    now,
  );
}
