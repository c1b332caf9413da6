import { createHash } from "node:crypto";
import { redis, redisKey } from "@/lib/redis";
import {
  KNOWN_ADDRESS_SECONDS,
  SIGN_IN_LIMITS,
  THROTTLE_SCOPES,
  lockedByFailure,
  throttleDecision,
  type ThrottleDecision,
  type ThrottleScope,
} from "@/lib/domain/sign-in-throttle";

// Keys carry a hash, not the e-mail or the address: Redis is not a place for personal data.
const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);

export type SignInAttempt = { email: string; ip: string };

function counterKeys(attempt: SignInAttempt): Record<ThrottleScope, string> {
  const email = attempt.email.trim().toLowerCase();
  return {
    accountAddress: redisKey("signin-failures", "account-ip", digest(email, attempt.ip)),
    address: redisKey("signin-failures", "ip", digest(attempt.ip)),
    account: redisKey("signin-failures", "account", digest(email)),
  };
}

const knownAddressesKey = (attempt: SignInAttempt) => redisKey("signin-known", digest(attempt.email.trim().toLowerCase()));

function replies(results: [Error | null, unknown][] | null): unknown[] {
  return (results ?? []).map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}

export async function checkSignInThrottle(attempt: SignInAttempt): Promise<ThrottleDecision> {
  const keys = counterKeys(attempt);
  const pipeline = redis().multi();
  for (const scope of THROTTLE_SCOPES) pipeline.get(keys[scope]).ttl(keys[scope]);
  pipeline.sismember(knownAddressesKey(attempt), digest(attempt.ip));
  const values = replies(await pipeline.exec());
  const counters = THROTTLE_SCOPES.map((scope, index) => ({
    scope,
    failures: Number(values[index * 2] ?? 0),
    secondsLeft: Number(values[index * 2 + 1]),
  }));
  return throttleDecision(counters, { knownAddress: values[THROTTLE_SCOPES.length * 2] === 1 });
}

/**
 * Counts a failure in each scope (a window starts at its first failure and is not extended by later
 * ones) and returns the scopes this very failure locked.
 */
export async function recordSignInFailure(attempt: SignInAttempt): Promise<ThrottleScope[]> {
  const keys = counterKeys(attempt);
  const pipeline = redis().multi();
  for (const scope of THROTTLE_SCOPES) pipeline.incr(keys[scope]).expire(keys[scope], SIGN_IN_LIMITS[scope].windowSeconds, "NX");
  const values = replies(await pipeline.exec());
  const countsAfter = Object.fromEntries(THROTTLE_SCOPES.map((scope, index) => [scope, Number(values[index * 2])]));
  return lockedByFailure(countsAfter as Record<ThrottleScope, number>);
}

/**
 * A success clears the account's counter at this address and makes the address one of its usual places.
 * The address's and the account's own counters stay: one good password neither unlocks guessing other
 * accounts from here nor resets the budget of someone guessing this one elsewhere.
 */
export async function recordSignInSuccess(attempt: SignInAttempt): Promise<void> {
  const known = knownAddressesKey(attempt);
  await redis()
    .multi()
    .del(counterKeys(attempt).accountAddress)
    .sadd(known, digest(attempt.ip))
    .expire(known, KNOWN_ADDRESS_SECONDS)
    .exec();
}
