import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MESSAGE_REQUEST_MAX_BYTES } from "./lib/attachments/policy";
import { commonSecurityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  // A message may carry 5 attachments of 10 MB each (plus the form itself): the server action reads that much, and
  // so does the proxy, which buffers a page request's body for proxy.ts (10 MB by default: a form of two 6 MB files
  // reached the action cut short, "Unexpected end of form").
  experimental: { serverActions: { bodySizeLimit: MESSAGE_REQUEST_MAX_BYTES }, proxyClientMaxBodySize: MESSAGE_REQUEST_MAX_BYTES },
  // The e2e suite builds into its own folder so it never clobbers a running app's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // On every answer; pages add their CSP in proxy.ts (it needs a nonce per request). Fixed at build time: HSTS in
  // every build but the dev server's (a build run from the test runner sees NODE_ENV=test; browsers ignore HSTS over http).
  async headers() {
    return [{ source: "/:path*", headers: commonSecurityHeaders(process.env.NODE_ENV !== "development") }];
  },
};

export default withNextIntl(nextConfig);
