import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { apiRoute, SIGN_IN_BODY_LIMIT } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";
import { clientIp } from "@/lib/http/client-ip";
import { checkSignInThrottle } from "@/lib/services/accounts/sign-in-throttle";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

// apiRoute: sign-ins get their request id (logs, audit rows, x-request-id) like every /api route.
export const GET = apiRoute(async (request: Request, context: Context) => NextAuth(request as never, context as never, authOptions()));

/**
 * Credentials sign-ins are throttled before next-auth sees them, so a blocked
 * account or address gets a real 429 with Retry-After (authorize() can only say "no").
 * Anonymous: the form is read within the sign-in limit (413 past it), then handed to next-auth whole.
 */
export const POST = apiRoute(
  async (limited: Request, context: Context) => {
    const request = new NextRequest(limited.url, { method: limited.method, headers: limited.headers, body: await limited.arrayBuffer() });
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      const form = await request
        .clone()
        .formData()
        .catch(() => null);
      const email = String(form?.get("email") ?? "");
      const decision = await checkSignInThrottle({ email: email.trim().toLowerCase(), ip: clientIp(request.headers) });
      if (!decision.allowed) {
        const url = new URL("/connexion", env().APP_URL);
        url.searchParams.set("error", "RateLimited");
        return Response.json({ url: url.toString() }, { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds) } });
      }
    }
    return NextAuth(request as never, context as never, authOptions());
  },
  { maxBodyBytes: SIGN_IN_BODY_LIMIT },
);
