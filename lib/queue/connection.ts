import type { ConnectionOptions } from "bullmq";
import { env } from "@/lib/env";

/** BullMQ connection settings; workers need maxRetriesPerRequest null to block on Redis. */
export function queueConnection(): ConnectionOptions {
  return { url: env().REDIS_URL, maxRetriesPerRequest: null };
}

export function queuePrefix(): string {
  return `${env().REDIS_PREFIX}:bull`;
}
