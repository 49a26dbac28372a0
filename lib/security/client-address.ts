/*
 * The client's address for per-address sign-in limits. Next.js fills
 * X-Forwarded-For with the socket address only when the request has none, so
 * without a trusted proxy a client can claim any address: the limit then only
 * slows (see lib/dal/sign-in.ts) and cannot be used to lock others out. Behind
 * N trusted proxies, the entry the outermost one appended is the client.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number): { address: string; trusted: boolean } {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return { address: "unknown", trusted: false };
  if (trustedProxyHops === 0) return { address: hops[hops.length - 1]!, trusted: false };
  const index = hops.length - trustedProxyHops;
  return index >= 0 ? { address: hops[index]!, trusted: true } : { address: hops[0]!, trusted: false };
}
