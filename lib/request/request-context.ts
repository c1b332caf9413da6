import { AsyncLocalStorage } from "node:async_hooks";

/** Who called, once the entry point knows it: for the refusal log, never the body. */
export type ContextCaller = { id: string; email: string; role: string };

/** The facts of one /api request, available to everything it runs (logs, audit rows) without passing them along. */
export type RequestContext = {
  requestId: string;
  /** The request's headers, with the request id as answered. */
  headers: Headers;
  method: string;
  path: string;
  caller: ContextCaller | null;
};

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The current /api request's context, or undefined elsewhere (pages, server actions, the worker). */
export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Remembers who is calling, for the refusal log of this request. */
export function noteCaller(caller: ContextCaller | null): void {
  const context = storage.getStore();
  if (context) context.caller = caller && { id: caller.id, email: caller.email, role: caller.role };
}
