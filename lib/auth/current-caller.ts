import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER } from "@/proxy";
import type { Caller } from "@/lib/domain/caller";
import { callerForApiToken } from "@/lib/services/accounts/api-tokens";
import { loadCaller } from "@/lib/services/accounts/load-caller";
import { authOptions, sessionCookieName, sessionTokenValid } from "./options";
import { CrossSiteRequestError, sameOriginWrite } from "./request-origin";
import { noteCaller } from "@/lib/request/request-context";
import { signInPath } from "./sign-in-path";

async function sessionUserId(): Promise<string | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  return session?.userId ?? null;
}

/** The session's caller, or null when nobody is signed in (or the account is gone or disabled). */
export async function signedInCaller(): Promise<Caller | null> {
  const userId = await sessionUserId();
  return userId ? loadCaller(userId) : null;
}

/**
 * For pages and their actions: the signed-in caller, or a redirect to the sign-in page that comes back here
 * (e.g. from an e-mail's link). A form sent, or a session cookie no longer valid, means the session ended
 * while the person worked: the sign-in page then says their typing is kept (forms keep drafts in the tab).
 */
export async function pageCaller(): Promise<Caller> {
  const caller = await signedInCaller();
  if (!caller) {
    const requestHeaders = await headers();
    const expired = requestHeaders.has("next-action") || (await cookies()).has(sessionCookieName());
    redirect(signInPath(requestHeaders.get(REQUESTED_PATH_HEADER), expired));
  }
  return caller;
}

/** The token of an `Authorization: Bearer` header, or null (none, or not a bearer token). */
export function presentedBearerToken(request: Request): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
}

/**
 * For /api/v1: a bearer token if the request carries one, else the browser session. A session's unsafe request
 * (POST, PATCH…) must come from the app itself: from another origin it throws CrossSiteRequestError (403), since
 * the browser attaches the cookie to whatever site sends it. A token is never sent by the browser on its own.
 * Noted for the request's refusal log.
 */
export async function apiCaller(request: Request): Promise<Caller | null> {
  const caller = await bearerOrSessionCaller(request);
  noteCaller(caller);
  return caller;
}

async function bearerOrSessionCaller(request: Request): Promise<Caller | null> {
  if (request.headers.get("authorization")) {
    const token = presentedBearerToken(request);
    return token ? callerForApiToken(token, new Date()) : null;
  }
  // Read the cookie from the request itself (no request-scoped next/headers needed), checked like a page's session.
  const token = await getToken({
    req: new NextRequest(request.url, { headers: request.headers }),
    secret: env().AUTH_SECRET,
    cookieName: sessionCookieName(),
  });
  if (!token?.sub || !(await sessionTokenValid(token))) return null;
  const origin = request.headers.get("origin");
  if (!sameOriginWrite({ method: request.method, origin, secFetchSite: request.headers.get("sec-fetch-site") }, env().APP_URL)) {
    throw new CrossSiteRequestError(origin);
  }
  return loadCaller(token.sub);
}
