import { eq } from "drizzle-orm";
import { database, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import { accountByEmail } from "@/db/queries/users";
import { clientIp, type HeaderBag } from "@/lib/http/client-ip";
import { verifyPassword } from "@/lib/services/accounts/password-hash";
import type { AuditActor } from "@/lib/domain/audit";
import { auditActor } from "../audit/audit-actor";
import { recordAudit } from "../audit/record-audit";
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: typeof users.$inferSelect.role; tokenVersion: number };

export type AuthenticationResult<T> =
  { outcome: "success"; user: AuthenticatedUser; then: T } | { outcome: "invalid" } | { outcome: "throttled"; retryAfterSeconds: number };

type AfterSuccess<T> = (tx: Executor, user: AuthenticatedUser, actor: AuditActor) => Promise<T>;

/**
 * E-mail + password check shared by the browser sign-in and the API token endpoint, under the sign-in
 * throttle, with its audit rows (success, failure, and the lockout a failure trips). Unknown account,
 * wrong password and disabled account all answer `invalid`, equally slowly. `andThen` runs in the
 * success's transaction (the token endpoint issues its token there).
 */
export async function authenticateWithPassword<T = null>(
  input: { email: string; password: string; headers: HeaderBag },
  andThen: AfterSuccess<T> = async () => null as T,
): Promise<AuthenticationResult<T>> {
  const attempt = { email: input.email.trim().toLowerCase(), ip: clientIp(input.headers) };
  const throttle = await checkSignInThrottle(attempt);
  if (!throttle.allowed) return { outcome: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await accountByEmail(database(), attempt.email);
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  const actor = auditActor(input.headers, { id: user?.id ?? null, email: attempt.email });
  const object = { objectType: "user", objectId: user?.id ?? null } as const;

  if (!user || !passwordMatches || user.disabledAt) {
    const locked = await recordSignInFailure(attempt);
    await database().transaction(async (tx) => {
      await recordAudit(tx, actor, { action: "sign_in.failed", ...object });
      if (locked.length > 0) await recordAudit(tx, actor, { action: "sign_in.locked", ...object, after: { counters: locked } });
    });
    return { outcome: "invalid" };
  }

  await recordSignInSuccess(attempt);
  const signedIn = { id: user.id, email: user.email, name: user.name, role: user.role, tokenVersion: user.tokenVersion };
  const then = await database().transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, actor, { action: "sign_in.succeeded", ...object });
    return andThen(tx, signedIn, actor);
  });
  return { outcome: "success", user: signedIn, then };
}
