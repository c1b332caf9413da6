import { describe, expect, test } from "vitest";
import { normalizeAddress, parseCidrList, resolveClientAddress } from "./client-address";

const none = parseCidrList("")!;
const proxies = parseCidrList("10.0.0.0/8, 192.168.1.5, ::1")!;

describe("resolveClientAddress", () => {
  test.each([
    {
      name: "no proxy trusted: the socket, whatever the header says",
      peer: "203.0.113.7",
      forwardedFor: "1.2.3.4",
      trusted: none,
      expected: "203.0.113.7",
    },
    { name: "no proxy trusted, no header", peer: "203.0.113.7", forwardedFor: undefined, trusted: none, expected: "203.0.113.7" },
    {
      name: "an untrusted peer cannot pass for a client by forging the header",
      peer: "198.51.100.9",
      forwardedFor: "10.1.1.1, 5.6.7.8",
      trusted: proxies,
      expected: "198.51.100.9",
    },
    { name: "a trusted proxy: its rightmost hop", peer: "10.0.0.2", forwardedFor: "1.2.3.4", trusted: proxies, expected: "1.2.3.4" },
    {
      name: "a forged first hop is ignored: the rightmost hop not trusted",
      peer: "10.0.0.2",
      forwardedFor: "6.6.6.6, 1.2.3.4",
      trusted: proxies,
      expected: "1.2.3.4",
    },
    {
      name: "a chain of trusted proxies is walked",
      peer: "10.0.0.2",
      forwardedFor: "6.6.6.6, 1.2.3.4, 192.168.1.5, 10.9.9.9",
      trusted: proxies,
      expected: "1.2.3.4",
    },
    {
      name: "a trusted proxy forwarding nothing is the client",
      peer: "10.0.0.2",
      forwardedFor: undefined,
      trusted: proxies,
      expected: "10.0.0.2",
    },
    {
      name: "a garbage hop stops the walk at the last trusted proxy",
      peer: "10.0.0.2",
      forwardedFor: "1.2.3.4, not-an-ip",
      trusted: proxies,
      expected: "10.0.0.2",
    },
    {
      name: "an IPv4 peer on a dual-stack socket",
      peer: "::ffff:10.0.0.2",
      forwardedFor: "1.2.3.4",
      trusted: proxies,
      expected: "1.2.3.4",
    },
    { name: "IPv6 proxy and client", peer: "::1", forwardedFor: "2001:DB8::1", trusted: proxies, expected: "2001:db8::1" },
    { name: "no known peer", peer: undefined, forwardedFor: "1.2.3.4", trusted: proxies, expected: "unknown" },
    { name: "a peer that is not an address", peer: "", forwardedFor: "1.2.3.4", trusted: proxies, expected: "unknown" },
  ])("$name", ({ peer, forwardedFor, trusted, expected }) => {
    expect(resolveClientAddress({ peer, forwardedFor, trustedProxies: trusted })).toBe(expected);
  });
});

describe("parseCidrList", () => {
  test.each(["10.0.0.0/33", "10.0.0.0/8/1", "proxy.local", "10.0.0.0/x", "::1/129", "10.0.0.0/-1"])("refuses %s", (text) => {
    expect(parseCidrList(text)).toBeNull();
  });

  test("a range and a single address", () => {
    const list = parseCidrList(" 172.16.0.0/12 ,2001:db8::/32,127.0.0.1")!;
    expect([
      list.check("172.31.255.255", "ipv4"),
      list.check("172.32.0.1", "ipv4"),
      list.check("2001:db8:1::5", "ipv6"),
      list.check("127.0.0.1", "ipv4"),
      list.check("127.0.0.2", "ipv4"),
    ]).toEqual([true, false, true, true, false]);
  });
});

test.each([
  ["::ffff:127.0.0.1", "127.0.0.1"],
  [" 1.2.3.4 ", "1.2.3.4"],
  ["1.2.3.4:80", null],
  ["", null],
  ["FE80::1", "fe80::1"],
])("normalizeAddress(%j)", (value, expected) => {
  expect(normalizeAddress(value)).toBe(expected);
});
