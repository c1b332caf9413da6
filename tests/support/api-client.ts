import { expect } from "vitest";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-ip";

export const API = "http://localhost:3000/api/v1";

let address = 0;
/** A bearer token for a demo account, each request from its own address so no sign-in limit is reached. */
export async function tokenFor(email: string): Promise<string> {
  address++;
  const response = await createToken(
    new Request(`${API}/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", [PEER_ADDRESS_HEADER]: `100.64.${address >> 8}.${address & 255}` },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    }),
    {} as never,
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** A problem+json body, as every /api/v1 error answers. */
export type ProblemBody = { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };

/** Calls a route handler as Next would, with a bearer token, a JSON body and route params; `Body` is the expected answer's shape. */
export async function callRoute<Body = ProblemBody, Params = Record<string, never>>(
  handler: Handler<Params>,
  options: { path: string; token?: string; method?: string; body?: unknown; params?: Params; headers?: Record<string, string> },
): Promise<{ status: number; headers: Headers; body: Body }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`${API}${options.path}`, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    }),
    { params: Promise.resolve((options.params ?? {}) as Params) },
  );
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Body };
}
