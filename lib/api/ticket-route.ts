import type { z } from "zod";
import type { Caller } from "@/lib/domain/caller";
import { apiCaller } from "@/lib/auth/current-caller";
import { referenceParam } from "@/lib/schemas/tickets";
import { invalidRequest, notFound, unauthenticated } from "./problem";
import { apiRoute, jsonBody } from "./route";

type Context = { params: Promise<{ reference: string }> };
type Handler<Input> = (args: { request: Request; reference: string; input: Input; caller: Caller }) => Promise<Response>;

/**
 * A /api/v1/tickets/{reference}… handler: a malformed reference is 404, then the JSON body is parsed
 * with its schema (400), then the caller is loaded (401) — in that order, as every entry point does.
 */
export function ticketRoute<Schema extends z.ZodType>(schema: Schema, handler: Handler<z.infer<Schema>>): (request: Request, context: Context) => Promise<Response>;
export function ticketRoute(schema: null, handler: Handler<undefined>): (request: Request, context: Context) => Promise<Response>;
export function ticketRoute(schema: z.ZodType | null, handler: Handler<never>) {
  return apiRoute(async (request: Request, context: Context) => {
    const reference = referenceParam.safeParse((await context.params).reference);
    if (!reference.success) return notFound();
    let input: unknown;
    if (schema) {
      const parsed = schema.safeParse(await jsonBody(request));
      if (!parsed.success) return invalidRequest(parsed.error);
      input = parsed.data;
    }
    const caller = await apiCaller(request);
    if (!caller) return unauthenticated();
    // `input` is what the schema produced, the type the overload gave the handler.
    return handler({ request, reference: reference.data, input: input as never, caller });
  });
}
