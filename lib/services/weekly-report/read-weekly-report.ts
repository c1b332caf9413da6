import { database } from "@/db/client";
import { weeklyReportFacts } from "@/db/queries/weekly-report";
import type { Caller } from "@/lib/domain/caller";
import { parseIsoWeek } from "@/lib/domain/iso-week";
import { buildWeeklyReport, type WeeklyReport } from "@/lib/domain/weekly-report";
import { dashboardSchool } from "../dashboards/dashboard-scope";
import { fail, succeed, type ServiceResult } from "../service-result";

/**
 * A school's report for any week (the page and its PDF): read as the school's dashboard is (its head, the
 * zone's leads, the service lead and admins; another school's head is told it does not exist). A week that
 * is not one ("2026-W54") is not found either.
 */
export async function readWeeklyReport(caller: Caller, uai: string, weekLabel: string): Promise<ServiceResult<WeeklyReport>> {
  const school = await dashboardSchool(caller, uai);
  if (!school.ok) return school;
  const week = parseIsoWeek(weekLabel);
  if (!week) return fail({ kind: "not_found" });
  return succeed(buildWeeklyReport(await weeklyReportFacts(database(), school.value, week)));
}
