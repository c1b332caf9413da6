import { CrossSiteRequestError } from "@/lib/auth/request-origin";
import { logger } from "@/lib/logger";
import { parameterWithControlCharacter } from "@/lib/domain/query-text";
import { logRefusal } from "@/lib/request/log-refusal";
import { runWithRequestContext, type RequestContext } from "@/lib/request/request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request/request-id";
import { controlCharacterInQuery, payloadTooLarge, problem } from "./problem";
import { serviceUnavailable, unavailableStore } from "./unavailable";

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
 * Every /api route goes through this. It gives the request its id (logs, audit rows and the x-request-id
 * answer share it), logs each refused authorization (403, or 404 that may hide an object) with the caller
 * `apiCaller` noted, turns a session's write from another site (see apiCaller) into a 403, and an unexpected
 * error into a 500 problem+json, logged once.
 *
 * Before the handler: a control character anywhere in the query string is 400 naming the parameter; a body
 * announced (Content-Length) over the route's limit is 413 unread. A body sent without Content-Length is counted
 * as it is read, and reading stops with 413 past the limit. Nothing reads the body until the handler does, so a
 * handler loads the caller first and an anonymous request never costs its body.
 */
export function apiRoute<Context>(handler: Handler<Context>, options: RouteOptions = {}): Handler<Context> {
  const limit = options.maxBodyBytes ?? JSON_BODY_LIMIT;
  return async (request, context) => {
    const url = new URL(request.url);
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    // The context object itself: `apiCaller` notes the caller on it while the handler runs.
    const facts: RequestContext = { requestId, headers, method: request.method, path: url.pathname + url.search, caller: null };
    const response = await runWithRequestContext(facts, async () => {
      const tainted = parameterWithControlCharacter(url.searchParams);
      if (tainted !== null) return controlCharacterInQuery(tainted);
      if (Number(request.headers.get("content-length")) > limit) return payloadTooLarge(limit);
      try {
        return await handler(withBodyLimit(request, limit), context);
      } catch (error) {
        if (isBodyTooLarge(error)) return payloadTooLarge(limit);
        if (error instanceof CrossSiteRequestError) {
          logger.warn({ method: request.method, url: request.url, origin: error.origin }, "cross-site request refused");
          return problem(403, "errors.api.forbidden", { detail: "errors.api.crossSite" });
        }
        const down = unavailableStore(error);
        if (down) {
          logger.warn({ err: error, store: down, method: request.method, url: request.url }, "store unavailable");
          return serviceUnavailable();
        }
        logger.error({ err: error, method: request.method, url: request.url }, "api route failed");
        return problem(500, "errors.api.internal", { detail: "errors.api.internalDetail" });
      }
    });
    if (response.status === 403 || response.status === 404) {
      logRefusal({ status: response.status, caller: facts.caller, method: facts.method, object: facts.path, requestId });
    }
    return withHeader(response, REQUEST_ID_HEADER, requestId);
  };
}

/** Sets a header on an answer, copying it first when its headers are immutable (a redirect, a fetched response). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

const DECLARED_LENGTH = /^\d+$/;

/**
 * The same request, its body counted as it is read, and only when it is read (nothing is pulled ahead): past
 * `limit` bytes the read fails with BodyTooLarge and the rest of the upload is dropped.
 */
function withBodyLimit(request: Request, limit: number): Request {
  // A declared length, already checked against the limit, frames the body: Node's HTTP parser reads that many bytes
  // and no more. Only a body sent without one (chunked) is counted as it comes.
  if (!request.body || DECLARED_LENGTH.test(request.headers.get("content-length") ?? "")) return request;
  const source = request.body.getReader();
  let received = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await source.read();
        if (done) return controller.close();
        received += value.byteLength;
        if (received <= limit) return controller.enqueue(value);
        controller.error(new BodyTooLarge(`body over ${limit} bytes`));
        await source.cancel();
      },
      cancel: (reason) => source.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
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
