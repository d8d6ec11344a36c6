import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS, SERVER_ACTION_BODY_LIMIT } from "./lib/web-security";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm test` (scripts/test-all.ts) checks the types in its own step (`tsc`) and sets this for
  // the build it serves the end-to-end tests from, so the same check does not run twice.
  typescript: { ignoreBuildErrors: process.env.SAMVERKAN_TYPES_CHECKED_BY_TEST === "1" },
  // Several instances and rolling deploys (README, "Running in production"): one id per build,
  // given at build time and again at start (the server reads this file too). Next.js tags the
  // client's requests with it and reloads the page instead of navigating when the server's differs.
  // Unset: Next.js's own default (NEXT_DEPLOYMENT_ID, else none). Server actions' key:
  // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, read by Next.js itself and required in production (lib/env.ts).
  deploymentId: process.env.SAMVERKAN_DEPLOYMENT_ID || undefined,
  // Next's default, said here because proxy.ts refuses larger action bodies with a clear message first.
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT.text } },
  // Every response, files included; the per-request Content-Security-Policy is set in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
