/*
 * Route handlers that send their own Content-Security-Policy. When the proxy
 * sets a response header, Next.js keeps it and drops the route's own value
 * (the route's headers are only added where the response has none), so the
 * proxy leaves the CSP of these paths to the route.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox";

const OWN_CSP_PATHS = ["/stipend/receipts/"];

export function routeSetsOwnCsp(pathname: string): boolean {
  return OWN_CSP_PATHS.some((prefix) => pathname.startsWith(prefix));
}
