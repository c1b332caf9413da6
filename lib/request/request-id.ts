/** The header carrying a request's id, from the reverse proxy (or made here) to the logs, the audit rows and the answer. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What an id from upstream may look like; anything else (too long, control characters, spaces) is replaced. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id of a request: the one the reverse proxy gave (nginx's $request_id, a load balancer's trace id),
 * so its logs and ours line up, or a new UUID when there is none or it does not look like an id.
 */
export function requestIdFrom(upstream: string | null | undefined): string {
  return upstream && ACCEPTED.test(upstream) ? upstream : crypto.randomUUID();
}
