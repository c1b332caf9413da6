import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { commonSecurityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  // A message may carry 5 attachments of 10 MB each (plus the form itself).
  experimental: { serverActions: { bodySizeLimit: "52mb" } },
  // The e2e suite builds into its own folder so it never clobbers a running app's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // On every answer; pages add their CSP in proxy.ts (it needs a nonce per request). Fixed at build time: HSTS in
  // every build but the dev server's (a build run from the test runner sees NODE_ENV=test; browsers ignore HSTS over http).
  async headers() {
    return [{ source: "/:path*", headers: commonSecurityHeaders(process.env.NODE_ENV !== "development") }];
  },
};

export default withNextIntl(nextConfig);
