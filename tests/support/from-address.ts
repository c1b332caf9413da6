import { request } from "node:http";

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * An HTTP request to the app from a chosen loopback source address (127.0.0.2 and up are other
 * clients than the tests' usual 127.0.0.1), with whatever headers a client could forge.
 */
export function requestFrom(
  from: string,
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: "127.0.0.1", port, path, method: options.method ?? "GET", localAddress: from, headers: options.headers },
      (incoming) => {
        let body = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => (body += chunk));
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** POST /api/v1/tokens from a source address. */
export function tokenRequestFrom(
  from: string,
  baseUrl: string,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return requestFrom(from, baseUrl, "/api/v1/tokens", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(credentials),
  });
}
