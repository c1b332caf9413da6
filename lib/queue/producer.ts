import { Queue } from "bullmq";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { queuePrefix } from "./connection";

// One producer per queue and process (kept on globalThis so Next's dev reloads do not open new connections).
const holder = globalThis as unknown as { guichetProducers?: Map<string, Queue> };

/** A queue to add jobs to; unlike a worker's, its commands fail instead of waiting for Redis to come back. */
export function producerQueue(name: string): Queue {
  holder.guichetProducers ??= new Map();
  let queue = holder.guichetProducers.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: { url: env().REDIS_URL, maxRetriesPerRequest: 1 }, prefix: queuePrefix() });
    // Unheard, BullMQ writes a queue's errors with console.error, outside the structured log.
    queue.on("error", (error) => logger.error({ queue: name, err: error }, "queue error"));
    holder.guichetProducers.set(name, queue);
  }
  return queue;
}

/** Past this, the request moves on and a sweep or reconciliation catches up. */
const REDIS_DEADLINE_MS = 3_000;

/**
 * Runs Redis work after a commit without ever failing the user's action: while Redis is unreachable
 * the first command waits for a connection that may never come, so the wait is bounded; a failure is
 * logged (`what` says what the recovery job will redo) and reported as false.
 */
export async function bestEffort(what: string, work: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_DEADLINE_MS} ms`)), REDIS_DEADLINE_MS);
  });
  try {
    await Promise.race([work(), timeout]);
    return true;
  } catch (error) {
    logger.warn({ err: error }, what);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function closeProducers(): Promise<void> {
  const queues = [...(holder.guichetProducers?.values() ?? [])];
  holder.guichetProducers = undefined;
  await Promise.all(queues.map((queue) => queue.close()));
}
