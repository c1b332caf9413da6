import { logger } from "@/lib/logger";
import { problem } from "./problem";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Every /api route goes through this: an unexpected error becomes a 500 problem+json, logged once. */
export function apiRoute<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
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
