import { apiRoute, jsonBody, SIGN_IN_BODY_LIMIT } from "@/lib/api/route";
import { invalidRequest, problem } from "@/lib/api/problem";
import { clientIp } from "@/lib/auth/client-ip";
import { createTokenSchema } from "@/lib/schemas/tokens";
import { issueApiToken } from "@/lib/services/api-tokens";
import { authenticateWithPassword } from "@/lib/services/authenticate";

/** Exchanges e-mail + password for an 8-hour bearer token, under the sign-in rate limit. */
export const POST = apiRoute(async (request: Request) => {
  const parsed = createTokenSchema.safeParse(await jsonBody(request));
  if (!parsed.success) return invalidRequest(parsed.error);

  const result = await authenticateWithPassword({ ...parsed.data, ip: clientIp(request.headers) });
  if (result.outcome === "throttled") {
    return problem(429, "Trop de tentatives", {
      detail: `Trop d'échecs de connexion. Réessayez dans ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).`,
      headers: { "retry-after": String(result.retryAfterSeconds) },
    });
  }
  if (result.outcome === "invalid") return problem(401, "Identifiants incorrects", { detail: "Adresse e-mail ou mot de passe incorrect." });

  const { token, expiresAt } = await issueApiToken(result.user.id, new Date());
  return Response.json({ token, expiresAt: expiresAt.toISOString() }, { status: 201, headers: { "cache-control": "no-store" } });
}, { maxBodyBytes: SIGN_IN_BODY_LIMIT });
