import { logger } from "@/lib/logger";
import { parameterWithControlCharacter } from "@/lib/domain/query-text";
import { controlCharacterInQuery, payloadTooLarge, problem } from "./problem";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/** A JSON body's limit unless its route says otherwise. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** A sign-in (token request, next-auth's forms) is an e-mail and a password: anonymous, so nothing bigger is read. */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

export type RouteOptions = {
  /** The most a request body may weigh, in bytes (JSON_BODY_LIMIT unless said). */
  maxBodyBytes?: number;
};

/** Raised while a body is read, once more bytes came than the route accepts; apiRoute answers it with 413. */
class BodyTooLarge extends Error {}

const isBodyTooLarge = (error: unknown): boolean =>
  error instanceof BodyTooLarge || (error instanceof Error && error.cause instanceof BodyTooLarge);

/**
 * Every /api route goes through this. A control character anywhere in the query string is 400 naming the
 * parameter; a body announced (Content-Length) over the route's limit is 413 unread; a body sent without
 * Content-Length is counted as it is read, and reading stops with 413 past the limit. Nothing reads the body
 * until the handler does, so a handler loads the caller first and an anonymous request never costs its body.
 * An unexpected error becomes a 500 problem+json, logged once.
 */
export function apiRoute<Context>(handler: Handler<Context>, options: RouteOptions = {}): Handler<Context> {
  const limit = options.maxBodyBytes ?? JSON_BODY_LIMIT;
  return async (request, context) => {
    const tainted = parameterWithControlCharacter(new URL(request.url).searchParams);
    if (tainted !== null) return controlCharacterInQuery(tainted);
    if (Number(request.headers.get("content-length")) > limit) return payloadTooLarge(limit);
    try {
      return await handler(withBodyLimit(request, limit), context);
    } catch (error) {
      if (isBodyTooLarge(error)) return payloadTooLarge(limit);
      logger.error({ err: error, method: request.method, url: request.url }, "api route failed");
      return problem(500, "Erreur interne", { detail: "Une erreur inattendue est survenue ; elle a été journalisée." });
    }
  };
}

/**
 * The same request, its body counted as it is read, and only when it is read (nothing is pulled ahead): past
 * `limit` bytes the read fails with BodyTooLarge and the rest of the upload is dropped.
 */
function withBodyLimit(request: Request, limit: number): Request {
  if (!request.body) return request;
  const source = request.body.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await source.read();
      if (done) return controller.close();
      received += value.byteLength;
      if (received <= limit) return controller.enqueue(value);
      controller.error(new BodyTooLarge(`body over ${limit} bytes`));
      await source.cancel();
    },
    cancel: (reason) => source.cancel(reason),
  }, { highWaterMark: 0 });
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal, duplex: "half" } as RequestInit);
}

/** For a body reader's `catch`: a body over the limit goes on up to apiRoute (413); anything else was a malformed body. */
export function rethrowIfTooLarge(error: unknown): void {
  if (isBodyTooLarge(error)) throw error;
}

/**
 * The JSON body, or undefined when it is missing, not JSON, or not sent as application/json (the schema
 * then reports it). Requiring the JSON content type keeps cookie-authenticated writes out of reach of
 * plain HTML forms on other sites: a cross-origin JSON request needs a CORS preflight, which we never grant.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return undefined;
  try {
    return await request.json();
  } catch (error) {
    rethrowIfTooLarge(error);
    return undefined;
  }
}
