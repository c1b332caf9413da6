import { createHash } from "node:crypto";
import { redis, redisKey } from "@/lib/redis";
import { SIGN_IN_LIMITS, throttleDecision, type ThrottleDecision } from "@/lib/domain/sign-in-throttle";

// Keys carry a hash, not the e-mail: Redis is not a place for personal data.
const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);
const accountKey = (email: string) => redisKey("signin-failures", "account", digest(email.trim().toLowerCase()));
const ipKey = (ip: string) => redisKey("signin-failures", "ip", digest(ip));

export type SignInAttempt = { email: string; ip: string };

export async function checkSignInThrottle(attempt: SignInAttempt): Promise<ThrottleDecision> {
  const keys = [accountKey(attempt.email), ipKey(attempt.ip)];
  const pipeline = redis().multi();
  for (const key of keys) pipeline.get(key).ttl(key);
  const replies = (await pipeline.exec()) ?? [];
  const values = replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
  return throttleDecision(keys.map((_, index) => ({
    failures: Number(values[index * 2] ?? 0),
    secondsLeft: Number(values[index * 2 + 1]),
  })));
}

/** Counts a failure; the window starts at the first failure and is not extended by later ones. */
export async function recordSignInFailure(attempt: SignInAttempt): Promise<void> {
  const pipeline = redis().multi();
  for (const key of [accountKey(attempt.email), ipKey(attempt.ip)]) {
    pipeline.incr(key).expire(key, SIGN_IN_LIMITS.windowSeconds, "NX");
  }
  await pipeline.exec();
}

/** A success clears the account's counter; the IP's stays, so one good password does not unlock guessing others. */
export async function recordSignInSuccess(attempt: SignInAttempt): Promise<void> {
  await redis().del(accountKey(attempt.email));
}
