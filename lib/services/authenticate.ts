import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess, type SignInAttempt } from "./sign-in-throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; role: typeof users.$inferSelect.role; tokenVersion: number };

export type AuthenticationResult =
  | { outcome: "success"; user: AuthenticatedUser }
  | { outcome: "invalid" }
  | { outcome: "throttled"; retryAfterSeconds: number };

/**
 * E-mail + password check shared by the browser sign-in and the API token endpoint.
 * Unknown account, wrong password and disabled account all answer `invalid`, equally slowly.
 */
export async function authenticateWithPassword(input: SignInAttempt & { password: string }): Promise<AuthenticationResult> {
  const attempt = { email: input.email.trim().toLowerCase(), ip: input.ip };
  const throttle = await checkSignInThrottle(attempt);
  if (!throttle.allowed) return { outcome: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const [user] = await database()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, tokenVersion: users.tokenVersion, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, attempt.email));
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await recordSignInFailure(attempt);
    return { outcome: "invalid" };
  }

  await recordSignInSuccess(attempt);
  await database().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { outcome: "success", user: { id: user.id, email: user.email, name: user.name, role: user.role, tokenVersion: user.tokenVersion } };
}
