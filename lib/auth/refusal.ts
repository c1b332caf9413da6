import { headers as nextHeaders } from "next/headers";
import { cache } from "react";
import type { Caller } from "@/lib/domain/caller";
import { logRefusal } from "@/lib/request/log-refusal";
import { REQUEST_ID_HEADER } from "@/lib/request/request-id";
import { failedForm, type FormError, type FormFailure } from "@/lib/schemas/form-state";
import { REQUESTED_PATH_HEADER } from "@/proxy";
import { requestTranslator } from "./request-translator";

/**
 * Logs a refused authorization on a page or a server action: the caller, the page (a server action posts
 * to its page's address) and the request id the proxy gave it. Never the form's content.
 */
export async function logPageRefusal(status: 403 | 404, caller: Caller | null): Promise<void> {
  await logOncePerRequest(status, caller?.id ?? null, caller?.email ?? null, caller?.role ?? null);
}

// React's request cache (keyed on plain values): Next renders a not-found page more than once for one request; it is logged once.
const logOncePerRequest = cache(async (status: 403 | 404, id: string | null, email: string | null, role: string | null) => {
  const headers = await nextHeaders();
  logRefusal({
    status,
    caller: id && email && role ? { id, email, role } : null,
    method: headers.has("next-action") ? "action" : "page",
    object: headers.get(REQUESTED_PATH_HEADER) ?? "?",
    requestId: headers.get(REQUEST_ID_HEADER),
  });
});

/** A service's refusal as a form shows it (`failedForm`), a 403 or a 404 logged first. */
export async function refusedForm(failure: FormFailure, caller: Caller | null, notFound?: string): Promise<FormError> {
  if (failure.kind === "forbidden" || failure.kind === "not_found") await logPageRefusal(failure.kind === "forbidden" ? 403 : 404, caller);
  return failedForm(failure, await requestTranslator(), notFound);
}
