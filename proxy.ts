import { NextResponse, type NextRequest } from "next/server";
import { controlCharacterPage } from "@/lib/pages/control-character-page";

/** The path (and query) a page was asked for, so a sign-in redirect can bring the user back to it. */
export const REQUESTED_PATH_HEADER = "x-guichet-requested-path";

export function proxy(request: NextRequest) {
  const refused = controlCharacterPage(request.nextUrl.searchParams);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Pages only: the API, Next's assets and files need nothing from here.
export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)"] };
