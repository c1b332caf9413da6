import { eq, sql } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { revokeAllApiTokens } from "@/lib/services/accounts/api-tokens";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { provisionFromSso } from "@/lib/services/accounts/provision-from-sso";
import { authenticateWithPassword } from "@/lib/services/accounts/authenticate";
import type { AuditActor } from "@/lib/domain/audit";
import { headers } from "next/headers";
import { oidcProvider } from "./oidc-provider";
import { SESSION_MAX_AGE_SECONDS, sessionStillValid } from "./session-policy";

async function accountState(userId: string) {
  const [row] = await database()
    .select({ tokenVersion: users.tokenVersion, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { tokenVersion: row.tokenVersion, disabled: row.disabledAt !== null } : null;
}

/**
 * Signing out revokes every session of the account (the next request carries a stale version) and
 * every API token, with an audit row per token.
 */
export async function revokeSessions(userId: string, actor: AuditActor): Promise<void> {
  await database().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(eq(users.id, userId));
    await revokeAllApiTokens(tx, userId, actor);
  });
}

/** The request's headers; none when next-auth's events run outside a request (tests call them directly). */
async function requestHeaders(): Promise<Headers> {
  try {
    return new Headers(await headers());
  } catch {
    return new Headers();
  }
}

/** Whether a decoded session token still stands (see sessionStillValid); used on every request. */
export async function sessionTokenValid(token: { sub?: string; tokenVersion?: unknown; signedInAt?: unknown }): Promise<boolean> {
  if (!token.sub) return false;
  const claims = { userId: token.sub, tokenVersion: Number(token.tokenVersion), signedInAt: Number(token.signedInAt) };
  return sessionStillValid(claims, await accountState(claims.userId), Math.floor(Date.now() / 1000));
}

/**
 * The session cookie: `__Host-` in production, so the browser takes it only over a secure origin, for the
 * whole host and no other (no Domain, Path=/). Browsers count http://localhost as secure, so a production
 * build still signs in there.
 */
export function sessionCookieName(): string {
  return env().NODE_ENV === "production" ? "__Host-next-auth.session-token" : "next-auth.session-token";
}

let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  if (cached) return cached;
  const config = env();
  // next-auth v4 reads its base URL from NEXTAUTH_URL; ours is APP_URL.
  process.env.NEXTAUTH_URL ??= config.APP_URL;

  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail et mot de passe",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        const result = await authenticateWithPassword({
          email: credentials.email,
          password: credentials.password,
          headers: request.headers ?? {},
        });
        if (result.outcome !== "success") return null;
        return { id: result.user.id, email: result.user.email, name: result.user.name, tokenVersion: result.user.tokenVersion };
      },
    }),
  ];
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET) {
    providers.push(
      oidcProvider({
        issuer: config.OIDC_ISSUER,
        clientId: config.OIDC_CLIENT_ID,
        clientSecret: config.OIDC_CLIENT_SECRET,
        scope: config.OIDC_SCOPE,
        emailClaim: config.OIDC_CLAIM_EMAIL,
      }),
    );
  }

  cached = {
    secret: config.AUTH_SECRET,
    providers,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    // Secure cookies in production (HttpOnly and SameSite=Lax are next-auth's defaults).
    useSecureCookies: config.NODE_ENV === "production",
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: config.NODE_ENV === "production" },
      },
    },
    pages: { signIn: "/connexion", error: "/connexion" },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "auth error"),
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => undefined,
    },
    callbacks: {
      // Single sign-on opens the account of school staff whose claims name a school Guichet knows, and
      // refreshes their schools at each sign-in (see provisionFromSso); a refusal shows why and whom to ask.
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const mapping = {
          email: config.OIDC_CLAIM_EMAIL,
          name: config.OIDC_CLAIM_NAME,
          uai: config.OIDC_CLAIM_UAI,
          function: config.OIDC_CLAIM_FUNCTION,
          functionMap: config.OIDC_FUNCTION_MAP,
        };
        const actorHeaders = await requestHeaders();
        const signedIn = await provisionFromSso({ ...profile }, mapping, (who) => auditActor(actorHeaders, who), new Date());
        if (!signedIn.ok) return `/connexion/refusee?raison=${signedIn.reason}`;
        Object.assign(user, signedIn.user);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; tokenVersion?: number };
          return { ...token, sub: signedIn.id, tokenVersion: signedIn.tokenVersion ?? 0, signedInAt: Math.floor(Date.now() / 1000) };
        }
        // Throwing makes next-auth drop the session and clear its cookie.
        if (!(await sessionTokenValid(token))) throw new Error("Session revoked");
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: String(token.sub) };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await revokeSessions(token.sub, auditActor(await requestHeaders(), { id: token.sub, email: token.email ?? null }));
      },
    },
  };
  return cached;
}
