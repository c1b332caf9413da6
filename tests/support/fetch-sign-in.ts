import { expect } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";

/**
 * Signs in through next-auth's own endpoints with plain fetch, as a browser's form would (CSRF token, then the
 * credentials): the session's `Set-Cookie` line, and the `Cookie` header that carries it back.
 */
export async function sessionCookie(baseUrl: string, email: string, ip: string): Promise<{ cookie: string; setCookie: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": ip,
      cookie: csrf.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: baseUrl, json: "true" }),
  });
  const setCookie = signedIn.headers.getSetCookie().find((line) => /^[\w-]*next-auth\.session-token=/.test(line));
  expect(setCookie, `no session cookie for ${email}`).toBeDefined();
  return { cookie: setCookie!.split(";")[0]!, setCookie: setCookie! };
}

/** A bearer token for a demo account, asked with plain fetch from an address of its own: the `Authorization` header's value. */
export async function bearerFor(baseUrl: string, email: string, ip: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(201);
  return `Bearer ${((await response.json()) as { token: string }).token}`;
}
