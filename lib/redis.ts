import { Redis } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

const holder = globalThis as unknown as { guichetRedis?: Redis };

/** The process's Redis client for counters and caches (BullMQ opens its own connections). */
export function redis(): Redis {
  if (!holder.guichetRedis) {
    const client = new Redis(env().REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 });
    // ioredis reconnects by itself; without a listener each failed attempt is an "unhandled error event" on stderr.
    client.on("error", (error) => logger.warn({ err: error }, "redis unavailable"));
    holder.guichetRedis = client;
  }
  return holder.guichetRedis;
}

/** Every key the app writes carries REDIS_PREFIX, so test runs and instances never collide. */
export function redisKey(...parts: string[]): string {
  return [env().REDIS_PREFIX, ...parts].join(":");
}

export async function closeRedis(): Promise<void> {
  await holder.guichetRedis?.quit().catch(() => undefined);
  holder.guichetRedis = undefined;
}
