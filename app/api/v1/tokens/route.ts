import { apiRoute, jsonBody, SIGN_IN_BODY_LIMIT } from "@/lib/api/route";
import { invalidRequest, problem, unauthenticated } from "@/lib/api/problem";
import { apiCaller, presentedBearerToken } from "@/lib/auth/current-caller";
import { createTokenSchema } from "@/lib/schemas/tokens";
import { issueApiToken, revokePresentedApiToken } from "@/lib/services/accounts/api-tokens";
import { auditActor } from "@/lib/services/audit/audit-actor";
import { authenticateWithPassword } from "@/lib/services/accounts/authenticate";

/** Exchanges e-mail + password for an 8-hour bearer token, under the sign-in rate limit. */
export const POST = apiRoute(
  async (request: Request) => {
    const parsed = createTokenSchema.safeParse(await jsonBody(request));
    if (!parsed.success) return invalidRequest(parsed.error);

    const now = new Date();
    const result = await authenticateWithPassword({ ...parsed.data, headers: request.headers }, (tx, user, actor) =>
      issueApiToken(tx, user.id, now, actor),
    );
    if (result.outcome === "throttled") {
      return problem(429, "errors.api.throttled", {
        detail: "errors.api.throttledDetail",
        values: { minutes: Math.ceil(result.retryAfterSeconds / 60) },
        headers: { "retry-after": String(result.retryAfterSeconds) },
      });
    }
    if (result.outcome === "invalid") return problem(401, "errors.api.badCredentials", { detail: "errors.api.badCredentialsDetail" });

    const { token, expiresAt } = result.then;
    return Response.json({ token, expiresAt: expiresAt.toISOString() }, { status: 201, headers: { "cache-control": "no-store" } });
  },
  { maxBodyBytes: SIGN_IN_BODY_LIMIT },
);

/** Revokes the bearer token the request presents (a script signing out); it is refused from then on. */
export const DELETE = apiRoute(async (request: Request) => {
  const token = presentedBearerToken(request);
  const caller = token ? await apiCaller(request) : null;
  if (!token || !caller) return unauthenticated();
  await revokePresentedApiToken(token, auditActor(request.headers, caller));
  return new Response(null, { status: 204 });
});
