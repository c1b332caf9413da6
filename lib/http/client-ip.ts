import { env } from "@/lib/env";
import { resolveClientAddress } from "./client-address";

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/**
 * The socket's peer address, set on every request by server.mjs (which replaces any value a client
 * sent); Next itself keeps a client's X-Forwarded-For as is, so the peer cannot be learnt from it.
 */
export const PEER_ADDRESS_HEADER = "x-guichet-peer";

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The client's address: the socket peer, or what a proxy listed in TRUSTED_PROXIES forwarded for it
 * (see resolveClientAddress). The one entry point for sign-in throttling and the audit trail.
 */
export function clientIp(headers: HeaderBag): string {
  return resolveClientAddress({
    peer: header(headers, PEER_ADDRESS_HEADER),
    forwardedFor: header(headers, "x-forwarded-for"),
    trustedProxies: env().TRUSTED_PROXIES,
  });
}
