import { createHash } from "node:crypto";
import { database } from "@/db/client";
import { accountByEmail } from "@/db/queries/users";
import { RESET_REQUEST_WINDOW_SECONDS, resetRequestAllowed } from "@/lib/domain/password-links";
import { redis, redisKey } from "@/lib/redis";
import { afterCommit } from "../after-commit";
import { issuePasswordLink } from "./password-links";

// Keys carry a hash, not the e-mail or the address: Redis is not a place for personal data.
const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

async function countRequest(email: string, ip: string): Promise<{ email: number; ip: number }> {
  const emailKey = redisKey("reset-requests", "email", digest(email));
  const ipKey = redisKey("reset-requests", "ip", digest(ip));
  const replies = await redis()
    .multi()
    .incr(emailKey)
    .expire(emailKey, RESET_REQUEST_WINDOW_SECONDS, "NX")
    .incr(ipKey)
    .expire(ipKey, RESET_REQUEST_WINDOW_SECONDS, "NX")
    .exec();
  const value = (index: number) => {
    const [error, reply] = replies?.[index] ?? [new Error("no reply"), null];
    if (error) throw error;
    return Number(reply);
  };
  return { email: value(0), ip: value(2) };
}

/**
 * "Mot de passe oublié ?": mails a one-hour link to an open account with that address. The answer is the
 * same whether the address has an account or not; only the rate limit (counted either way) shows.
 */
export async function requestPasswordReset(input: { email: string; ip: string }, now: Date): Promise<"sent_if_known" | "throttled"> {
  const email = input.email.trim().toLowerCase();
  if (!resetRequestAllowed(await countRequest(email, input.ip))) return "throttled";
  const outboxId = await database().transaction(async (tx) => {
    const user = await accountByEmail(tx, email);
    if (!user || user.disabledAt) return null;
    return (await issuePasswordLink(tx, user, { purpose: "reset" }, now)).outboxId;
  });
  await afterCommit({ outboxIds: outboxId ? [outboxId] : [] });
  return "sent_if_known";
}
