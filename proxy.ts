import { NextResponse, type NextRequest } from "next/server";

/** The path (and query) a page was asked for, so a sign-in redirect can bring the user back to it. */
export const REQUESTED_PATH_HEADER = "x-guichet-requested-path";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Pages only: the API, Next's assets and files need nothing from here.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
