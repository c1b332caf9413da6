/**
 * Sign-in throttling, shared by the browser sign-in and the API token endpoint:
 * after `maxFailures` failures within the window, for one account or from one IP,
 * further attempts are refused until the oldest counter expires.
 */
export const SIGN_IN_LIMITS = { maxFailures: 10, windowSeconds: 15 * 60 } as const;

export type FailureCounter = { failures: number; secondsLeft: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function throttleDecision(counters: FailureCounter[], limits: { maxFailures: number } = SIGN_IN_LIMITS): ThrottleDecision {
  const blocking = counters.filter((counter) => counter.failures >= limits.maxFailures);
  if (blocking.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...blocking.map((counter) => counter.secondsLeft)) };
}
