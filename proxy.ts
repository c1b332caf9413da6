import { NextResponse, type NextRequest } from "next/server";
import { DOWNLOAD_HEADERS, isDownloadPath, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request/request-id";

/** The path (and query) a page was asked for, so a sign-in redirect can bring the user back to it. */
export const REQUESTED_PATH_HEADER = "x-guichet-requested-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next reads the nonce from the request's CSP and signs its scripts and styles with it. A download's CSP is its sandbox.
  const csp = isDownloadPath(request.nextUrl.pathname)
    ? DOWNLOAD_HEADERS["content-security-policy"]
    : pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  headers.set("content-security-policy", csp);
  // Pages and server actions read it from their headers (audit rows, refusal logs); /api routes get theirs from apiRoute.
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Pages only: the API, Next's assets and files need nothing from here.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
