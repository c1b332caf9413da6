import type { z } from "zod";
import type { Caller } from "@/lib/domain/caller";
import { apiCaller } from "@/lib/auth/current-caller";
import { ciIdParam } from "@/lib/schemas/cis";
import { invalidRequest, notFound, unauthenticated } from "./problem";
import { apiRoute, jsonBody } from "./route";

type Context = { params: Promise<{ id: string }> };
type Handler<Input> = (args: { request: Request; id: string; input: Input; caller: Caller }) => Promise<Response>;

/** A /api/v1/cis/{id} handler: a malformed id is 404, then the JSON body is parsed (400), then the caller is loaded (401). */
export function ciRoute<Schema extends z.ZodType>(schema: Schema, handler: Handler<z.infer<Schema>>): (request: Request, context: Context) => Promise<Response>;
export function ciRoute(schema: null, handler: Handler<undefined>): (request: Request, context: Context) => Promise<Response>;
export function ciRoute(schema: z.ZodType | null, handler: Handler<never>) {
  return apiRoute(async (request: Request, context: Context) => {
    const id = ciIdParam.safeParse((await context.params).id);
    if (!id.success) return notFound();
    let input: unknown;
    if (schema) {
      const parsed = schema.safeParse(await jsonBody(request));
      if (!parsed.success) return invalidRequest(parsed.error);
      input = parsed.data;
    }
    const caller = await apiCaller(request);
    if (!caller) return unauthenticated();
    return handler({ request, id: id.data, input: input as never, caller });
  });
}
