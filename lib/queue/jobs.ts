import { z } from "zod";
import { SUMMARY_EVERY_MINUTES } from "@/lib/domain/dashboard-summary";
import { weeklyReportCron } from "@/lib/domain/weekly-report-slot";
import { env } from "@/lib/env";

/**
 * Every queue: its name, payload schema and retry defaults. Producers and processors
 * share this module. Payloads carry ids only, never personal data (Redis stores them in clear).
 */
export const JOBS = {
  purgeExpiredTokens: {
    queue: "maintenance",
    payload: z.object({}),
    options: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, removeOnComplete: 100, removeOnFail: 100 },
    /** Recurring: a BullMQ job scheduler, upserted at worker start. */
    every: 60 * 60 * 1000,
  },
  /** Deletes the audit rows older than AUDIT_RETENTION_DAYS (the only deletion the table's trigger lets through). */
  purgeAuditEvents: {
    queue: "maintenance",
    payload: z.object({}),
    // No retries: the next run, an hour later, deletes the same rows.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60 * 60 * 1000,
  },
  /** Deletes the idempotency keys past their 24 h window. */
  purgeIdempotencyKeys: {
    queue: "maintenance",
    payload: z.object({}),
    // No retries: the next run, an hour later, deletes the same rows.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60 * 60 * 1000,
  },
  /** One per outbox row, job id = the row's id. Removed on final failure so the sweep can add it again. */
  sendEmail: {
    queue: "mail",
    payload: z.object({ outboxId: z.uuid() }),
    options: { attempts: 12, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: true, removeOnFail: true },
  },
  /** Re-enqueues outbox rows still pending, whose job was lost (Redis flush, failed enqueue, retries spent). */
  sweepOutbox: {
    queue: "mail",
    payload: z.object({}),
    // No retries: the next run, a minute later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60_000,
  },
  /**
   * Staff notification digests (12:00 and 17:00 Paris, business days): each run sends the latest slot's, or `slot`'s
   * (an ISO instant) when given; one e-mail per person and slot (outbox key `digest:<user>:<slot>`), however often it runs.
   */
  sendDigests: {
    queue: "mail",
    payload: z.object({ slot: z.iso.datetime().optional() }),
    // No retries: the next run, five minutes later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 5 * 60_000,
  },
  /**
   * Mails the end of announced incidents and works (issue 16) to the concerned schools, once each: the announcements
   * past their end with no `end_mailed_at`, locked and marked with their outbox rows. Restart-safe: a lost run is the next's.
   */
  mailAnnouncementEnds: {
    queue: "mail",
    payload: z.object({}),
    // No retries: the next run, a minute later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60_000,
  },
  /**
   * The equipment campaigns' notices (issue 17): the survey's opening to every school's head and secrétaire général,
   * then each school's allocation once notified; each once (campaign row locked and marked, lib/services/campaigns/campaign-mail.ts).
   */
  mailCampaignNotices: {
    queue: "mail",
    payload: z.object({}),
    // No retries: the next run, five minutes later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 5 * 60_000,
  },
  /**
   * The every-school dashboard's summaries (issue 19, lib/domain/dashboard-summary.ts): that view over each preset
   * period, computed and stored so the page serves it without a pass over every school's tickets. A scheduler, so a
   * Redis flush loses it only until the worker's watcher upserts the schedulers again; the summaries are in PostgreSQL.
   */
  refreshDashboardSummaries: {
    queue: "maintenance",
    payload: z.object({}),
    // No retries: the next run, a few minutes later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: SUMMARY_EVERY_MINUTES * 60_000,
  },
  /** Closes resolutions nobody confirmed or disputed within 10 days, with the closing e-mail. */
  closeStaleResolutions: {
    queue: "maintenance",
    payload: z.object({}),
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60 * 60 * 1000,
  },
  /**
   * Approvals' deadlines: reminds the approvers of a level unanswered for 2 working days, gives up a ticket unanswered
   * for 10 (lib/services/approvals/approval-deadlines.ts); each once, however often it runs. `at` is the test hook of
   * lib/queue/job-clock.ts (refused in production).
   */
  sweepApprovals: {
    queue: "maintenance",
    payload: z.object({ at: z.iso.datetime().optional() }),
    // No retries: the next run, a quarter of an hour later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 15 * 60_000,
  },
  /**
   * Deliveries (issue 17): one still unchecked after its 5 working days is deemed compliant and its school told, once
   * (lib/services/deliveries/deem-compliant.ts). Restart-safe: the next run finds it in PostgreSQL. `at` is the test
   * hook of lib/queue/job-clock.ts.
   */
  sweepDeliveries: {
    queue: "maintenance",
    payload: z.object({ at: z.iso.datetime().optional() }),
    // No retries: the next run, a quarter of an hour later, does the same work.
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 15 * 60_000,
  },
  /**
   * A reminder to check one ticket's SLA: one delayed job per pending alarm (75 %, breach, escalation rung, vendor
   * deadline), job id from the ticket, its deadlines' version and the alarm (lib/domain/sla-plan.ts). The processor
   * reads PostgreSQL and fires whatever is due; failed jobs are removed so the reconciliation can add them again.
   */
  checkSla: {
    queue: "sla",
    payload: z.object({ ticketId: z.uuid() }),
    options: { attempts: 5, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: true, removeOnFail: true },
  },
  /** Recreates the missing checkSla jobs of open tickets from PostgreSQL (Redis flush, lost job, deploy). */
  reconcileSlaTimers: {
    queue: "sla",
    payload: z.object({}),
    options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    every: 60_000,
  },
  /**
   * The weekly activity report: woken at WEEKLY_REPORT_TIME from Monday to WEEKLY_REPORT_DAY (Paris), sends when
   * the week's slot has come (lib/services/weekly-report/send-weekly-reports.ts). `at`, the slot's time, is a test
   * hook (lib/queue/job-clock.ts): honoured outside production only, so an e2e test moves the clock without waiting.
   */
  sendWeeklyReports: {
    queue: "maintenance",
    payload: z.object({ at: z.iso.datetime().optional() }),
    options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: 100, removeOnFail: 100 },
    /** Recurring on a calendar: a cron pattern in Paris time, upserted at worker start. */
    cron: () => weeklyReportCron({ weekday: env().WEEKLY_REPORT_DAY, time: env().WEEKLY_REPORT_TIME }),
  },
  /**
   * The registers' deadlines (issue 15), every day at 06:00 Paris: renewal reminders a week before a filtering
   * exception ends, the security team's removal tickets at its end, delegations' yearly reviews; each once
   * (lib/services/registers/register-deadlines.ts). `at` is the test hook of lib/queue/job-clock.ts.
   */
  runRegisterDeadlines: {
    queue: "maintenance",
    payload: z.object({ at: z.iso.datetime().optional() }),
    options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: 100, removeOnFail: 100 },
    cron: () => "0 6 * * *",
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<Name extends JobName> = z.infer<(typeof JOBS)[Name]["payload"]>;
