import { and, asc, gt, inArray, type SQL } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import { NoBusinessOpeningError } from "@/lib/domain/business-calendar";
import { OPEN_STATUSES } from "@/lib/domain/ticket-status";
import { afterCommit } from "../after-commit";
import { fail, succeed, type ServiceResult } from "../service-result";
import { refreshSla, type SlaSchedule } from "./refresh-sla";

/** Tickets recomputed per transaction: the first batch with the change itself, the rest in their own transactions. */
export const RECOMPUTE_BATCH = 200;

/** Which open tickets a settings change touches: a condition on `tickets` (a team, several, or all when undefined). */
export type AffectedTickets = SQL | undefined;

type Batch = { schedules: (SlaSchedule | null)[]; lastId: string | null };

/** Locks and recomputes the next batch of open affected tickets (by id), inside the caller's transaction. */
async function refreshBatch(tx: Executor, affected: AffectedTickets, afterId: string | null, now: Date): Promise<Batch> {
  const rows = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(inArray(tickets.status, [...OPEN_STATUSES]), affected, afterId ? gt(tickets.id, afterId) : undefined))
    .orderBy(asc(tickets.id))
    .limit(RECOMPUTE_BATCH)
    .for("update");
  const schedules: (SlaSchedule | null)[] = [];
  for (const row of rows) schedules.push(await refreshSla(tx, row.id, now));
  return { schedules, lastId: rows.length === RECOMPUTE_BATCH ? rows.at(-1)!.id : null };
}

const NO_OPENING = "sla.errors.noWorkingHours";

/**
 * Applies a calendar, ladder or repair-time change and recomputes the SLA of the open tickets it touches:
 * the change and the first {@link RECOMPUTE_BATCH} tickets in one transaction (so a small team's tickets
 * move with the change, or nothing does), then the rest batch by batch; each batch's timers are handed to
 * the worker after its commit. A change that leaves a calendar without any opening is refused whole.
 */
export async function changeAndRecompute<T>(
  change: (tx: Executor) => Promise<ServiceResult<T>>,
  affected: (value: T) => AffectedTickets,
  now: Date,
): Promise<ServiceResult<T & { recomputed: number }>> {
  const db = database();
  let first: { result: ServiceResult<T>; batch: Batch | null };
  try {
    first = await db.transaction(async (tx) => {
      const result = await change(tx);
      if (!result.ok) return { result, batch: null };
      return { result, batch: await refreshBatch(tx, affected(result.value), null, now) };
    });
  } catch (error) {
    if (error instanceof NoBusinessOpeningError) return fail({ kind: "unprocessable", message: NO_OPENING });
    throw error;
  }
  if (!first.result.ok || !first.batch) return first.result as ServiceResult<never>;
  const value = first.result.value;
  await afterCommit({ slaSchedules: first.batch.schedules });
  let recomputed = first.batch.schedules.length;
  let lastId = first.batch.lastId;
  while (lastId) {
    const batch = await db.transaction((tx) => refreshBatch(tx, affected(value), lastId, now));
    await afterCommit({ slaSchedules: batch.schedules });
    recomputed += batch.schedules.length;
    lastId = batch.lastId;
  }
  return succeed({ ...value, recomputed });
}
