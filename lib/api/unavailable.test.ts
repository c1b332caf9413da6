import { describe, expect, it } from "vitest";
import { RETRY_AFTER_SECONDS, serviceUnavailable, unavailableStore } from "./unavailable";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new Error("Failed query: select 1", { cause });
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("unavailableStore", () => {
  it.each([
    ["a refused connection to PostgreSQL", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), "database"],
    ["the same wrapped by Drizzle", wrapped(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")), "database"],
    ["PostgreSQL shutting down (57P01)", withCode("terminating connection due to administrator command", "57P01"), "database"],
    ["PostgreSQL starting up (57P03)", wrapped(withCode("the database system is starting up", "57P03")), "database"],
    ["a connection exception (class 08)", withCode("connection failure", "08006"), "database"],
    ["a connection cut under a query", wrapped(new Error("Connection terminated unexpectedly")), "database"],
    ["a checkout timing out", new Error("timeout exceeded when trying to connect"), "database"],
    ["Redis past its retries", named("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 1)."), "redis"],
    ["a closed Redis connection", new Error("Connection is closed."), "redis"],
    ["a Redis command timing out", new Error("Command timed out"), "redis"],
  ])("%s → %s", (_, error, store) => {
    expect(unavailableStore(error)).toBe(store);
  });

  it.each([
    ["a unique violation", wrapped(withCode('duplicate key value violates unique constraint "tickets_reference_unique"', "23505"))],
    ["a syntax error", withCode('syntax error at or near "selec"', "42601")],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["not an error at all", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s is not a store being down", (_, error) => {
    expect(unavailableStore(error)).toBeNull();
  });
});

describe("serviceUnavailable", () => {
  it("answers 503 problem+json with Retry-After", async () => {
    const response = serviceUnavailable();
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.json()).toMatchObject({ status: 503, title: "Service momentanément indisponible" });
  });
});
