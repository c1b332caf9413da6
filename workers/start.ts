import { Queue, Worker, type Job } from "bullmq";
import { JOBS, type JobName } from "@/lib/queue/jobs";
import { queueConnection, queuePrefix } from "@/lib/queue/connection";
import { logger } from "@/lib/logger";
import { database } from "@/db/client";
import { closeProducers } from "@/lib/queue/producer";
import { redis, redisKey } from "@/lib/redis";
import { sweepPendingOutbox } from "@/lib/services/mail/send-outbox-email";
import { reconcileSlaTimers as rebuildSlaTimers } from "@/lib/services/sla/sla-timers";
import { checkSla } from "./processors/check-sla";
import { closeStaleResolutions } from "./processors/close-stale-resolutions";
import { mailAnnouncementEnds } from "./processors/mail-announcement-ends";
import { mailCampaignNotices } from "./processors/mail-campaign-notices";
import { purgeAuditEvents } from "./processors/purge-audit-events";
import { purgeExpiredTokens } from "./processors/purge-expired-tokens";
import { purgeIdempotencyKeys } from "./processors/purge-idempotency-keys";
import { reconcileSlaTimers } from "./processors/reconcile-sla-timers";
import { refreshDashboardSummaries } from "./processors/refresh-dashboard-summaries";
import { runRegisterDeadlines } from "./processors/run-register-deadlines";
import { sendDigests } from "./processors/send-digests";
import { sendEmail } from "./processors/send-email";
import { sendWeeklyReports } from "./processors/send-weekly-reports";
import { sweepApprovals } from "./processors/sweep-approvals";
import { sweepDeliveries } from "./processors/sweep-deliveries";
import { sweepOutbox } from "./processors/sweep-outbox";
import { startMailIn } from "./mail-in";

/**
 * Job name → processor; each processor parses its payload with the schema in JOBS. Typed over JOBS' names:
 * a job declared there without its processor here (or a processor for no job) does not compile.
 */
const PROCESSORS: { [Name in JobName]: (job: Job) => Promise<unknown> } = {
  purgeExpiredTokens,
  purgeAuditEvents,
  purgeIdempotencyKeys,
  closeStaleResolutions,
  sendEmail,
  sweepOutbox,
  sendDigests,
  mailAnnouncementEnds,
  mailCampaignNotices,
  checkSla,
  reconcileSlaTimers,
  sendWeeklyReports,
  runRegisterDeadlines,
  sweepApprovals,
  sweepDeliveries,
  refreshDashboardSummaries,
};

/** How often the worker checks that Redis still holds its keys (see the watcher below). */
const FLUSH_WATCH_MS = 5_000;

/** Starts one BullMQ worker per queue and upserts the recurring job schedulers; returns a closer. */
export async function startWorkers(): Promise<() => Promise<void>> {
  const connection = queueConnection();
  const prefix = queuePrefix();
  const queueNames = [...new Set(Object.values(JOBS).map((job) => job.queue))];

  const workers = queueNames.map((queueName) => {
    const worker = new Worker(
      queueName,
      async (job) => {
        if (!Object.hasOwn(PROCESSORS, job.name)) throw new Error(`No processor for job ${job.name}`);
        return PROCESSORS[job.name as JobName](job);
      },
      // Started below, once the start's own work is done.
      { connection, prefix, concurrency: 4, autorun: false },
    );
    worker.on("failed", (job, error) =>
      logger.warn({ queue: queueName, job: job?.name, id: job?.id, attempts: job?.attemptsMade, err: error }, "job failed"),
    );
    // Connection and processing errors outside a job (Redis lost, a stalled-job check failing); unheard, Node prints them to stderr.
    worker.on("error", (error) => logger.error({ queue: queueName, err: error }, "worker error"));
    return worker;
  });

  const queues = queueNames.map((name) => {
    const queue = new Queue(name, { connection, prefix });
    // Unheard, BullMQ writes a queue's errors with console.error, outside the structured log.
    queue.on("error", (error) => logger.error({ queue: name, err: error }, "queue error"));
    return queue;
  });
  const upsertSchedulers = async () => {
    for (const [name, job] of Object.entries(JOBS)) {
      // Every few minutes, or on a calendar (Paris time); the others are enqueued by producers.
      const repeat = "every" in job ? { every: job.every } : "cron" in job ? { pattern: job.cron(), tz: "Europe/Paris" } : null;
      if (!repeat) continue;
      const queue = queues.find((candidate) => candidate.name === job.queue)!;
      await queue.upsertJobScheduler(name, repeat, { name, data: {}, opts: job.options });
    }
  };
  await upsertSchedulers();
  // A deploy, a crash or a Redis flush may have lost delayed jobs: hold every pending SLA alarm again before anything else.
  // A store restarting at this moment does not end the start: the reconciliation job holds the alarms due within its
  // horizon again every minute, and the watcher below rebuilds them all when Redis lost the marker.
  const rebuilt = await rebuildSlaTimers(database(), new Date(), { full: true }).catch((error: unknown) => {
    logger.warn({ err: error }, "SLA timers not rebuilt at start; the watcher tries again");
    return null;
  });
  // Jobs are taken only now: the full rebuild above is the heavy part of a start, and an e-mail sent meanwhile waited on
  // it between the SMTP acceptance and the commit of "sent" (up to 2.5 s in the faults bench; killed then, sent twice).
  for (const worker of workers) void worker.run().catch((error: unknown) => logger.error({ err: error }, "worker stopped"));
  logger.info({ queues: queueNames, slaJobs: rebuilt?.jobs }, "worker started");
  const stopMailIn = startMailIn();

  // The schedulers live in Redis: a flush (or a Redis restarted without persistence) takes them with every job, and
  // nothing would sweep the outbox or reconcile the SLA timers again until a restart. The rebuild marker goes with them:
  // once it is missing, upsert the schedulers again and hold every pending alarm again, without waiting for a restart.
  let watching = false;
  const watcher = setInterval(() => {
    if (watching) return;
    watching = true;
    void (async () => {
      try {
        if ((await redis().exists(redisKey("sla", "timers-rebuilt"))) === 1) return;
        await upsertSchedulers();
        const again = await rebuildSlaTimers(database(), new Date(), { full: true });
        await sweepPendingOutbox(new Date());
        logger.warn({ slaJobs: again.jobs }, "Redis came back without our keys: schedulers and SLA timers held again");
      } catch (error) {
        logger.warn({ err: error }, "could not check the Redis keys; trying again");
      } finally {
        watching = false;
      }
    })();
  }, FLUSH_WATCH_MS);

  return async () => {
    await stopMailIn();
    clearInterval(watcher);
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(queues.map((queue) => queue.close()));
    await closeProducers();
  };
}
