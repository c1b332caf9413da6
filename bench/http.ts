import http from "node:http";
import { gunzipSync, inflateSync } from "node:zlib";

/** What one timed request gave: wall time of `fetch` (headers and whole body) on loopback, and the server's own figure if it sends one. */
export type Timing = { ms: number; status: number; serverTimingMs: number | null; body: unknown };

/** Sum of the `dur=` entries of a Server-Timing header (RFC: milliseconds), or null when absent. */
export function serverTimingMs(header: string | null): number | null {
  if (!header) return null;
  const durations = [...header.matchAll(/dur=([0-9.]+)/g)].map((match) => Number(match[1]));
  return durations.length ? durations.reduce((sum, value) => sum + value, 0) : null;
}

export async function timedGet(url: string, token: string): Promise<Timing> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the error message
  }
  return { ms, status: response.status, serverTimingMs: serverTimingMs(response.headers.get("server-timing")), body };
}

/** One bearer token per account (a single sign-in: the sign-in throttle never comes near). */
export async function requestToken(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (response.status !== 201 || !body.token)
    throw new Error(`POST /api/v1/tokens for ${email}: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/**
 * A POST over node:http with a keep-alive agent: what a load generator costs should not be taken from the two cores
 * it measures. `fetch` (undici, web streams) took 2.75 ms of CPU per request here, this about a third of it. It asks
 * for compression as `fetch` does, so the server's work is the same; the body is decoded only when it is read.
 */
export function leanPost(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; text: () => string }> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...headers, "accept-encoding": "gzip, deflate", "content-length": String(payload.byteLength) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"];
          const decoded = () => (encoding === "gzip" ? gunzipSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw).toString("utf8");
          resolve({ status: response.statusCode ?? 0, text: decoded });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(payload);
  });
}
