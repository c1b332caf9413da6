import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";

/**
 * After a password change bumped the account's token version, re-issues this browser's session cookie with
 * the new version (same sign-in time, so the absolute limit stands): every other session ends, this one stays.
 */
export async function renewOwnSession(tokenVersion: number): Promise<void> {
  const secure = env().NODE_ENV === "production";
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const store = await cookies();
  const current = await decode({ token: store.get(name)?.value, secret: env().AUTH_SECRET });
  if (!current) return;
  const token = await encode({ token: { ...current, tokenVersion }, secret: env().AUTH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  store.set(name, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_MAX_AGE_SECONDS });
}
