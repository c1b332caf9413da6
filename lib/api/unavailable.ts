import { problem } from "./problem";

/** Seconds a client should wait before retrying while a store is down: the pool and the Redis client reconnect within that. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket-level failures: the server is not there (stopped, restarting, unreachable). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE", "EAI_AGAIN"]);
/** PostgreSQL's own: shutting down (57P01–57P03: admin or crash shutdown, starting up), or class 08 (connection exception). */
const isPostgresUnavailableCode = (code: string) => /^57P0[1-3]$/.test(code) || /^08/.test(code);
const POSTGRES_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Connection terminated unexpectedly",
];
const REDIS_MESSAGES = ["Connection is closed", "Command timed out", "Stream isn't writeable", "Reached the max retries per request limit"];

/**
 * Which store an error says is unreachable, or null when the error is anything else (a bug, a constraint): walks
 * the `cause` chain, since Drizzle wraps the driver's error in its own.
 */
export function unavailableStore(error: unknown): "database" | "redis" | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (current.name === "MaxRetriesPerRequestError" || REDIS_MESSAGES.some((text) => current.message.includes(text))) return "redis";
    if (typeof code === "string" && (SOCKET_CODES.has(code) || isPostgresUnavailableCode(code))) {
      // ioredis reports its socket errors through its own messages; a socket code here comes from pg's connection.
      return "database";
    }
    if (POSTGRES_MESSAGES.some((text) => current.message.includes(text))) return "database";
  }
  return null;
}

/** 503 problem+json with Retry-After: a store is down, the request may be retried as it is. */
export const serviceUnavailable = () =>
  problem(503, "errors.api.unavailable", {
    detail: "errors.api.unavailableDetail",
    headers: { "retry-after": String(RETRY_AFTER_SECONDS) },
  });
