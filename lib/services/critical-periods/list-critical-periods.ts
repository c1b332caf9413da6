import { database } from "@/db/client";
import { listCriticalPeriods as readCriticalPeriods, type CriticalPeriodRow } from "@/db/queries/critical-periods";
import type { Caller } from "@/lib/domain/caller";
import { can } from "@/lib/domain/permissions";
import { fail, succeed, type ServiceResult } from "../service-result";
import { CRITICAL_PERIODS_FORBIDDEN } from "./create-critical-period";

/** The declared critical periods, for those who declare them. */
export async function listCriticalPeriods(caller: Caller): Promise<ServiceResult<CriticalPeriodRow[]>> {
  if (!can(caller, "criticalPeriods.manage")) return fail(CRITICAL_PERIODS_FORBIDDEN);
  return succeed(await readCriticalPeriods(database()));
}
