/*
 * Which origin invitation and reset links point at. AUTH_URL wins. Without it
 * the request's own address is all we have, and whoever can change that
 * address (a Host header, or a forwarded host from a proxy we trust) decides
 * where an admin's copied link sends a newcomer's password. So the choice says
 * where it came from and whether to warn, and a host that is not a plain host
 * name, IPv4 or bracketed IPv6 address with an optional port is never used.
 */
export type LinkOrigin =
  | { source: "AUTH_URL"; origin: string; warning: null }
  | { source: "request"; origin: string; warning: string | null }
  | { source: "request"; origin: null; warning: string };

type Headers = { get(name: string): string | null };

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

export function chooseLinkOrigin(settings: { publicOrigin: string | null; trustedProxyHops: number }, headers: Headers): LinkOrigin {
  if (settings.publicOrigin) return { source: "AUTH_URL", origin: settings.publicOrigin, warning: null };
  const trustProxy = settings.trustedProxyHops > 0;
  const rawHost = ((trustProxy ? headers.get("x-forwarded-host") : null) ?? headers.get("host") ?? "").trim().toLowerCase();
  if (!HOST.test(rawHost)) {
    return { source: "request", origin: null, warning: "This request's address is not a valid host name, so no link can be made. Set AUTH_URL to Trellis's public address." };
  }
  const forwardedProto = trustProxy ? headers.get("x-forwarded-proto") : null;
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : /^(localhost|127\.|\[::1\])/.test(rawHost) ? "http" : "https";
  const origin = `${proto}://${rawHost}`;
  return { source: "request", origin, warning: looksProxied(settings.trustedProxyHops, headers) ? PROXIED : null };
}

const PROXIED = "This request came through a proxy, and a proxy or a client can change the address links are built from. Set AUTH_URL to Trellis's public address before sending links.";

/*
 * Next.js fills X-Forwarded-Host with the Host and X-Forwarded-Proto with
 * "http" when a request has none, so their mere presence proves nothing; a
 * different host, https, or a header Next.js never adds does.
 */
function looksProxied(trustedProxyHops: number, headers: Headers): boolean {
  if (trustedProxyHops > 0) return true;
  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost !== null && forwardedHost.toLowerCase() !== (headers.get("host") ?? "").toLowerCase()) return true;
  const forwardedProto = headers.get("x-forwarded-proto");
  if (forwardedProto !== null && forwardedProto !== "http") return true;
  return headers.get("forwarded") !== null || headers.get("x-real-ip") !== null;
}
