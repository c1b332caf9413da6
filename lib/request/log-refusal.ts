import { logger } from "@/lib/logger";
import type { ContextCaller } from "./request-context";

export type RefusalEntry = {
  /** 403, or a 404 that may hide an object the caller may not see (the same answer as a missing one). */
  status: 403 | 404;
  /** Null when nobody is signed in. */
  caller: ContextCaller | null;
  /** What was asked for: the method and path of an API request, the page or form a refusal came from. */
  method: string;
  object: string;
  /** Given where the logger cannot find it by itself (pages and server actions). */
  requestId?: string | null;
};

/** One warn line per refused authorization, with who and what, never the request's body. */
export function logRefusal(refusal: RefusalEntry): void {
  const { requestId, ...rest } = refusal;
  logger.warn({ ...(requestId ? { requestId } : {}), ...rest }, "authorization refused");
}
