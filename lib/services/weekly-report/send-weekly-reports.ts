import { database } from "@/db/client";
import { schoolHeads, schoolsActiveIn, weeklyReportFacts, zoneSectorLeads } from "@/db/queries/weekly-report";
import { outboxEmails } from "@/db/schema";
import { buildWeeklyReport, type WeeklyReport } from "@/lib/domain/weekly-report";
import { dueWeeklyReport, type WeeklyReportSchedule } from "@/lib/domain/weekly-report-slot";
import { env } from "@/lib/env";
import { schoolWeeklyReportEmail, zoneWeeklyReportEmail } from "@/lib/mail/weekly-report-template";
import { afterCommit } from "../after-commit";

type OutboxRow = typeof outboxEmails.$inferInsert;

/**
 * The weekly activity report, when its slot has come (`now` at or past this week's, lib/domain/weekly-report-slot.ts):
 * each active school's heads get their school's report, each zone's sector leads one e-mail with a section per
 * active school. The outbox keys (week, school or zone, recipient) make a second run, a retry or a restarted
 * worker write nothing new: sent once per school and week. Quiet schools get nothing.
 */
export async function sendWeeklyReports(now: Date, schedule: WeeklyReportSchedule): Promise<{ week: string | null; emails: number }> {
  const week = dueWeeklyReport(now, schedule);
  if (!week) return { week: null, emails: 0 };
  const db = database();
  const schools = await schoolsActiveIn(db, week);
  const reports = new Map<string, { school: (typeof schools)[number]; report: WeeklyReport }>();
  for (const school of schools) {
    const report = buildWeeklyReport(await weeklyReportFacts(db, school, week));
    if (report.active) reports.set(school.id, { school, report });
  }
  const active = [...reports.values()];
  const [heads, leads] = await Promise.all([
    schoolHeads(db, [...reports.keys()]),
    zoneSectorLeads(db, [...new Set(active.map(({ school }) => school.zoneId))]),
  ]);
  const appUrl = env().APP_URL;
  const rows: OutboxRow[] = [];
  for (const head of heads) {
    const { school, report } = reports.get(head.establishmentId)!;
    const email = schoolWeeklyReportEmail({ appUrl, recipientName: head.name, report });
    rows.push({
      idempotencyKey: `weekly-report:${week.label}:${school.uai}:${head.id}`,
      recipientId: head.id,
      toAddress: head.email,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      createdAt: now,
    });
  }
  for (const lead of leads) {
    const zone = active.filter(({ school }) => school.zoneId === lead.zoneId);
    const email = zoneWeeklyReportEmail({
      appUrl,
      recipientName: lead.name,
      zoneName: zone[0]!.school.zoneName,
      reports: zone.map(({ report }) => report),
    });
    rows.push({
      idempotencyKey: `weekly-report:${week.label}:zone:${zone[0]!.school.zoneCode}:${lead.id}`,
      recipientId: lead.id,
      toAddress: lead.email,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      createdAt: now,
    });
  }
  if (!rows.length) return { week: week.label, emails: 0 };
  const written = await db
    .insert(outboxEmails)
    .values(rows)
    .onConflictDoNothing({ target: outboxEmails.idempotencyKey })
    .returning({ id: outboxEmails.id });
  await afterCommit({ outboxIds: written.map((row) => row.id) });
  return { week: week.label, emails: written.length };
}
