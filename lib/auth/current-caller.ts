import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER } from "@/proxy";
import type { Caller } from "@/lib/domain/caller";
import { userIdForApiToken } from "@/lib/services/api-tokens";
import { loadCaller } from "@/lib/services/load-caller";
import { authOptions, sessionTokenValid } from "./options";

async function sessionUserId(): Promise<string | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  return session?.userId ?? null;
}

/** For pages: the signed-in caller, or a redirect to the sign-in page that comes back here (e.g. from an e-mail's link). */
export async function pageCaller(): Promise<Caller> {
  const userId = await sessionUserId();
  const caller = userId ? await loadCaller(userId) : null;
  if (!caller) {
    const requested = (await headers()).get(REQUESTED_PATH_HEADER);
    redirect(requested && requested !== "/" ? `/connexion?callbackUrl=${encodeURIComponent(requested)}` : "/connexion");
  }
  return caller;
}

/** The token of an `Authorization: Bearer` header, or null (none, or not a bearer token). */
export function presentedBearerToken(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
}

/** For /api/v1: a bearer token if the request carries one, else the browser session. */
export async function apiCaller(request: Request): Promise<Caller | null> {
  if (request.headers.get("authorization")) {
    const token = presentedBearerToken(request);
    const userId = token ? await userIdForApiToken(token, new Date()) : null;
    return userId ? loadCaller(userId) : null;
  }
  // Read the cookie from the request itself (no request-scoped next/headers needed), checked like a page's session.
  const token = await getToken({ req: new NextRequest(request.url, { headers: request.headers }), secret: env().AUTH_SECRET, secureCookie: env().NODE_ENV === "production" });
  return token?.sub && (await sessionTokenValid(token)) ? loadCaller(token.sub) : null;
}
