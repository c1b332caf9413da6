import { storedText } from "@/i18n/text";
import { clientIp, type HeaderBag } from "@/lib/http/client-ip";
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
export const SYSTEM_ACTOR: AuditActor = { userId: null, label: storedText("audit.systemActor"), ip: null, requestId: null };
