import type { z } from "zod";
import type { Caller } from "@/lib/domain/caller";
import { apiCaller } from "@/lib/auth/current-caller";
import { invalidRequest, notFound, unauthenticated } from "./problem";
import { apiRoute, jsonBody } from "./route";

type Context<Key extends string> = { params: Promise<Record<Key, string>> };
type Args<Key extends string, Input> = { request: Request; input: Input; caller: Caller } & Record<Key, string>;
type Route<Key extends string> = (request: Request, context: Context<Key>) => Promise<Response>;

/**
 * A handler of one record's route (/tickets/{reference}, /cis/{id}): a malformed key is 404, then the caller
 * is loaded (401), then the JSON body is read (413 past 1 MB) and parsed with its schema (400) — in that order,
 * so an anonymous request never has its body read.
 */
export function recordRoute<Key extends string>(param: Key, keySchema: z.ZodType<string>) {
  function route<Schema extends z.ZodType>(schema: Schema, handler: (args: Args<Key, z.infer<Schema>>) => Promise<Response>): Route<Key>;
  function route(schema: null, handler: (args: Args<Key, undefined>) => Promise<Response>): Route<Key>;
  function route(schema: z.ZodType | null, handler: (args: Args<Key, never>) => Promise<Response>): Route<Key> {
    return apiRoute(async (request: Request, context: Context<Key>) => {
      const key = keySchema.safeParse((await context.params)[param]);
      if (!key.success) return notFound();
      const caller = await apiCaller(request);
      if (!caller) return unauthenticated();
      let input: unknown;
      if (schema) {
        const parsed = schema.safeParse(await jsonBody(request));
        if (!parsed.success) return invalidRequest(parsed.error);
        input = parsed.data;
      }
      // `input` is what the schema produced, the type the overload gave the handler.
      return handler({ request, input: input as never, caller, [param]: key.data } as Args<Key, never>);
    });
  }
  return route;
}
