import NextAuth from "next-auth";
import { apiRoute } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";
import { clientIp } from "@/lib/auth/client-ip";
import { checkSignInThrottle } from "@/lib/services/sign-in-throttle";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

// apiRoute: sign-ins get their request id (logs, audit rows, x-request-id) like every /api route.
export const GET = apiRoute(async (request: Request, context: Context) => NextAuth(request as never, context as never, authOptions()));

/**
 * Credentials sign-ins are throttled before next-auth sees them, so a blocked
 * account or address gets a real 429 with Retry-After (authorize() can only say "no").
 */
export const POST = apiRoute(async (request: Request, context: Context) => {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const decision = await checkSignInThrottle({ email: email.trim().toLowerCase(), ip: clientIp(request.headers) });
    if (!decision.allowed) {
      const url = new URL("/connexion", env().APP_URL);
      url.searchParams.set("error", "RateLimited");
      return Response.json({ url: url.toString() }, { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds) } });
    }
  }
  return NextAuth(request as never, context as never, authOptions());
});
