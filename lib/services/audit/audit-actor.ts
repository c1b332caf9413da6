import { headers as nextHeaders } from "next/headers";
import { clientIp, type HeaderBag } from "@/lib/auth/client-ip";
import { requestContext } from "@/lib/request/request-context";
import type { AuditActor } from "@/lib/domain/audit";

/** The request's id: its header (set by the proxy for pages), else the one apiRoute gave this /api request. */
function requestId(headers: HeaderBag): string | null {
  const value = headers instanceof Headers ? headers.get("x-request-id") : headers["x-request-id"];
  return (Array.isArray(value) ? value[0] : value) ?? requestContext()?.requestId ?? null;
}

/**
 * The audit actor of a request: the signed-in person (or, for an attempt, the e-mail typed), the client
 * address as the sign-in throttle sees it, and the request id.
 */
export function auditActor(headers: HeaderBag, who: { id: string | null; email: string | null }): AuditActor {
  return { userId: who.id, label: who.email, ip: clientIp(headers), requestId: requestId(headers) };
}

/** The worker acting on its own (retention purge, scheduled sweeps). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, label: "système", ip: null, requestId: null };

/** The headers of the page or server action being served; null outside a request (tests, scripts, the worker). */
async function pageHeaders(): Promise<Headers | null> {
  try {
    return new Headers(await nextHeaders());
  } catch {
    return null;
  }
}

/**
 * The audit actor of whoever is acting now: the address and request id come from the /api request's
 * context or from the page's (server action's) headers, so services record them without passing them along.
 */
export async function currentActor(who: { id: string; email: string }): Promise<AuditActor> {
  const headers = requestContext()?.headers ?? (await pageHeaders());
  return headers ? auditActor(headers, who) : { userId: who.id, label: who.email, ip: null, requestId: null };
}
