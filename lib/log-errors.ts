import pino from "pino";

/** Drizzle's error for a failed statement: its message repeats the parameters (names, e-mails, what a person wrote). */
type FailedQuery = Error & { query: string; params: unknown[] };

const isFailedQuery = (error: unknown): error is FailedQuery =>
  error instanceof Error &&
  typeof (error as Partial<FailedQuery>).query === "string" &&
  Array.isArray((error as Partial<FailedQuery>).params);

/** PostgreSQL's reason, without `detail`: "Key (email)=(…) already exists" carries the row's values. */
function reasonOf(cause: unknown) {
  if (!(cause instanceof Error)) return undefined;
  const { code, constraint, table, column, routine } = cause as Error & Record<string, unknown>;
  return { type: cause.constructor.name, message: cause.message, code, constraint, table, column, routine };
}

/** Whether `error` is, or was caused by (however deep), a failed statement. */
const carriesFailedQuery = (error: unknown): boolean =>
  isFailedQuery(error) || (error instanceof Error && error.cause !== undefined && carriesFailedQuery(error.cause));

/** A failed statement: its SQL, how many parameters it had and PostgreSQL's reason. */
function failedQuery(error: FailedQuery) {
  const calls = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const message = `Failed query: ${error.query}`;
  return {
    type: error.constructor.name,
    message,
    query: error.query,
    parameterCount: error.params.length,
    cause: reasonOf(error.cause),
    stack: [`${error.name}: ${message}`, ...calls].join("\n"),
  };
}

/**
 * pino's `err` serializer, but a failed statement is logged with its SQL, how many parameters it had and PostgreSQL's
 * reason, never the parameters' values: a refused filing would otherwise write its requester's e-mail and text into
 * the logs, which are kept longer and read by more people than the database. An error wrapping one (its `cause`, at
 * any depth) is logged with its own message and stack and that cause serialized so; pino's own serializer would
 * append the cause's message, values included.
 */
export function serializeError(error: unknown): unknown {
  if (isFailedQuery(error)) return failedQuery(error);
  if (error instanceof Error && carriesFailedQuery(error))
    return { type: error.constructor.name, message: error.message, stack: error.stack, cause: serializeError(error.cause) };
  return pino.stdSerializers.err(error as Error);
}
