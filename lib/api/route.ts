import { CrossSiteRequestError } from "@/lib/auth/request-origin";
import { logger } from "@/lib/logger";
import { problem } from "./problem";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Every /api route goes through this: a session's write from another site (see apiCaller) becomes a 403, an
 * unexpected error a 500 problem+json, logged once.
 */
export function apiRoute<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
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
  };
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
