/**
 * Sign-in throttling, shared by the browser sign-in and the API token endpoint. Failures are counted
 * three ways, each in a window that starts at its first failure:
 * - per account and address: the ordinary lock (a typo-prone user, or one guesser at one place);
 * - per address across accounts: one place trying many accounts (password spraying);
 * - per account across addresses, with a much higher ceiling (ASVS 2.2.1: at most 100 failed attempts
 *   per hour per account), which does not apply at an address the account signed in from before, so an
 *   attacker elsewhere cannot lock a user out of their usual place.
 */
export const THROTTLE_SCOPES = ["accountAddress", "address", "account"] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];

export type ThrottleLimit = { maxFailures: number; windowSeconds: number };

export const SIGN_IN_LIMITS: Record<ThrottleScope, ThrottleLimit> = {
  accountAddress: { maxFailures: 10, windowSeconds: 15 * 60 },
  address: { maxFailures: 30, windowSeconds: 15 * 60 },
  account: { maxFailures: 100, windowSeconds: 60 * 60 },
};

/** How long an address where the account signed in stays its "usual place". */
export const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

export type FailureCounter = { scope: ThrottleScope; failures: number; secondsLeft: number };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether an attempt may be checked: refused while any counter that applies is at its limit, until the longest wait ends. */
export function throttleDecision(counters: FailureCounter[], options: { knownAddress: boolean }): ThrottleDecision {
  const blocking = counters.filter(
    (counter) => counter.failures >= SIGN_IN_LIMITS[counter.scope].maxFailures && !(counter.scope === "account" && options.knownAddress),
  );
  if (blocking.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...blocking.map((counter) => counter.secondsLeft)) };
}

/** The scopes a failure has just locked: those whose count reached the limit with it (the moment to record a lockout). */
export function lockedByFailure(countsAfter: Record<ThrottleScope, number>): ThrottleScope[] {
  return THROTTLE_SCOPES.filter((scope) => countsAfter[scope] === SIGN_IN_LIMITS[scope].maxFailures);
}
