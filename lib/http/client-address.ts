import { BlockList, isIP } from "node:net";

/** An IPv4 client seen on a dual-stack socket reads `::ffff:a.b.c.d`; it is the same client as `a.b.c.d`. */
export function normalizeAddress(value: string): string | null {
  const trimmed = value.trim();
  const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.test(trimmed) ? trimmed.slice(7) : trimmed.toLowerCase();
  return isIP(address) ? address : null;
}

/**
 * Parses `10.0.0.0/8, 192.168.1.5, ::1/128` into a set of ranges (a bare address is a range of one);
 * null when any entry is not an address or a CIDR range. An empty text trusts nobody.
 */
export function parseCidrList(text: string): BlockList | null {
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [rawAddress = "", prefixText, ...rest] = entry.split("/");
    const address = normalizeAddress(rawAddress);
    if (!address || rest.length > 0) return null;
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    const maxPrefix = family === "ipv4" ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText ?? String(maxPrefix)) || prefix > maxPrefix) return null;
    list.addSubnet(address, prefix, family);
  }
  return list;
}

const contains = (list: BlockList, address: string) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then the rightmost
 * X-Forwarded-For hop that is not itself a trusted proxy (hops to its left are the client's to forge).
 * A trusted proxy that forwards no usable hop is taken as the client. Without a known peer, "unknown".
 */
export function resolveClientAddress(input: {
  peer: string | undefined;
  forwardedFor: string | undefined;
  trustedProxies: BlockList;
}): string {
  let current = input.peer === undefined ? null : normalizeAddress(input.peer);
  if (!current) return "unknown";
  const hops = (input.forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (contains(input.trustedProxies, current)) {
    const next = hops.length ? normalizeAddress(hops.pop()!) : null;
    if (!next) return current;
    current = next;
  }
  return current;
}
