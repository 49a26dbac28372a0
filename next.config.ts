import type { NextConfig } from "next";
import { FORM_BODY_LIMIT_MB } from "./lib/request-limits";

/* Headers for every response, static files included; the CSP (with its per-request nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore this over plain http (localhost), and keep to https once Trellis is served over it.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/*
 * `npm run bench:bundle -- --attribute` builds a second copy with browser source maps into .next-analyze, to
 * tell the bytes of Next.js and React from the app's own. The build everyone runs is unchanged.
 */
const analysing = process.env.TRELLIS_BUNDLE_ANALYSIS === "1";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  ...(analysing ? { distDir: ".next-analyze", productionBrowserSourceMaps: true } : {}),
  // pdfkit reads its own data files from its package folder at run time, so it stays out of the bundle.
  serverExternalPackages: ["better-sqlite3", "pdfkit", "fontkit"],
  experimental: {
    // Receipts up to 5 MB travel through server actions. The room above that lets the action itself refuse a
    // bigger file beside its field; the proxy answers bodies over the limit (see lib/request-limits.ts).
    serverActions: { bodySizeLimit: `${FORM_BODY_LIMIT_MB}mb` },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
