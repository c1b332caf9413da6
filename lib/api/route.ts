import { CrossSiteRequestError } from "@/lib/auth/request-origin";
import { logger } from "@/lib/logger";
import { logRefusal } from "@/lib/request/log-refusal";
import { runWithRequestContext, type RequestContext } from "@/lib/request/request-context";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/request/request-id";
import { problem } from "./problem";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Every /api route goes through this. It gives the request its id (logs, audit rows and the x-request-id
 * answer share it), logs each refused authorization (403, or 404 that may hide an object) with the caller
 * `apiCaller` noted, turns a session's write from another site (see apiCaller) into a 403, and an unexpected
 * error into a 500 problem+json, logged once.
 */
export function apiRoute<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    const url = new URL(request.url);
    const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    // The context object itself: `apiCaller` notes the caller on it while the handler runs.
    const facts: RequestContext = { requestId, headers, method: request.method, path: url.pathname + url.search, caller: null };
    const response = await runWithRequestContext(facts, async () => {
      try {
        return await handler(request, context);
      } catch (error) {
        if (error instanceof CrossSiteRequestError) {
          logger.warn({ method: request.method, url: request.url, origin: error.origin }, "cross-site request refused");
          return problem(403, "Accès refusé", { detail: "Cette requête vient d'un autre site que Guichet : elle est refusée avec votre session. Un outil doit utiliser un jeton « Authorization: Bearer »." });
        }
        logger.error({ err: error, method: request.method, url: request.url }, "api route failed");
        return problem(500, "Erreur interne", { detail: "Une erreur inattendue est survenue ; elle a été journalisée." });
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

/**
 * The JSON body, or undefined when it is missing, not JSON, or not sent as application/json (the schema
 * then reports it). Requiring the JSON content type keeps cookie-authenticated writes out of reach of
 * plain HTML forms on other sites: a cross-origin JSON request needs a CORS preflight, which we never grant.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return undefined;
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}
