import { Redis } from "ioredis";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { guichetRedis?: Redis };

/** The process's Redis client for counters and caches (BullMQ opens its own connections). */
export function redis(): Redis {
  holder.guichetRedis ??= new Redis(env().REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 2000 });
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
