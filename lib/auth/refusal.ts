import { headers as nextHeaders } from "next/headers";
import type { Caller } from "@/lib/domain/caller";
import { logRefusal } from "@/lib/request/log-refusal";
import { REQUEST_ID_HEADER } from "@/lib/request/request-id";
import { failedForm, type FormError, type FormFailure } from "@/lib/schemas/form-state";
import { REQUESTED_PATH_HEADER } from "@/proxy";

/**
 * Logs a refused authorization on a page or a server action: the caller, the page (a server action posts
 * to its page's address) and the request id the proxy gave it. Never the form's content.
 */
export async function logPageRefusal(status: 403 | 404, caller: Caller | null): Promise<void> {
  const headers = await nextHeaders();
  logRefusal({
    status, caller: caller && { id: caller.id, email: caller.email, role: caller.role },
    method: headers.has("next-action") ? "action" : "page", object: headers.get(REQUESTED_PATH_HEADER) ?? "?", requestId: headers.get(REQUEST_ID_HEADER),
  });
}

/** A service's refusal as a form shows it (`failedForm`), a 403 or a 404 logged first. */
export async function refusedForm(failure: FormFailure, caller: Caller, notFound?: string): Promise<FormError> {
  if (failure.kind === "forbidden" || failure.kind === "not_found") await logPageRefusal(failure.kind === "forbidden" ? 403 : 404, caller);
  return failedForm(failure, notFound);
}
