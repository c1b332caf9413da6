import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { describe, expect, test } from "vitest";
import { database } from "@/db/client";
import { users } from "@/db/schema";
import { loggerOptions } from "@/lib/logger";

/** The JSON line our logger writes for `{ err }`, through its own options. */
function logLine(error: unknown): string {
  let line = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      line += chunk.toString();
      done();
    },
  });
  pino({ ...loggerOptions, level: "info" }, sink).error({ err: error }, "api route failed");
  return line;
}

const person = { email: "admin@guichet.test", name: "Jeanne Confidentielle", role: "requester" as const, phone: "06 12 34 56 78" };

/** A real refusal: the seed's admin already holds that e-mail. */
const refusedInsert = () =>
  database()
    .insert(users)
    .values(person)
    .then(
      () => null,
      (refused: unknown) => refused,
    );

describe("a failed statement in the logs", () => {
  test("carries its SQL and PostgreSQL's reason, never the values it was writing", async () => {
    const error = await refusedInsert();
    // What the logs would have held: Drizzle's message lists the parameters, PostgreSQL's detail the key's value.
    expect(String((error as Error).message)).toContain(person.name);
    expect((error as { cause: { detail: string } }).cause.detail).toContain(person.email);

    const logged = JSON.parse(logLine(error));
    expect(logged.err).toMatchObject({
      message: expect.stringMatching(/^Failed query: insert into "users"/),
      parameterCount: expect.any(Number),
      cause: { code: "23505", constraint: expect.stringContaining("email"), table: "users" },
    });
    expect(logged.err.stack).toMatch(/\n\s+at /);
    for (const value of [person.email, person.name, person.phone]) expect(JSON.stringify(logged)).not.toContain(value);
    expect(await database().select().from(users).where(eq(users.name, person.name))).toEqual([]);
  });

  test("wrapped in another error's cause, at any depth, it is logged the same way under the wrapper's own message", async () => {
    const refused = await refusedInsert();
    const wrapped = new Error("filing failed", { cause: new Error("while numbering", { cause: refused }) });
    // pino's own serializer would have appended the causes' messages, the parameters among them.
    expect(JSON.stringify(pino.stdSerializers.err(wrapped))).toContain(person.name);

    const logged = JSON.parse(logLine(wrapped));
    expect(logged.err).toMatchObject({
      type: "Error",
      message: "filing failed",
      cause: {
        message: "while numbering",
        cause: { message: expect.stringMatching(/^Failed query: insert into "users"/), cause: { code: "23505", table: "users" } },
      },
    });
    expect(logged.err.stack).toMatch(/^Error: filing failed\n\s+at /);
    for (const value of [person.email, person.name, person.phone]) expect(JSON.stringify(logged)).not.toContain(value);
  });

  test("any other error keeps pino's usual shape: type, message with its causes, stack", () => {
    const logged = JSON.parse(logLine(new TypeError("bad input", { cause: new Error("deeper") })));
    expect(logged.err).toMatchObject({ type: "TypeError", message: "bad input: deeper" });
    expect(logged.err.stack).toContain("caused by: Error: deeper");
  });
});
