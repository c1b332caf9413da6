import { z } from "zod";

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
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<Name extends JobName> = z.infer<(typeof JOBS)[Name]["payload"]>;
