/*
 * Server actions refuse a request from another site. Next.js makes the same
 * comparison (Origin's host against X-Forwarded-Host, else Host) but answers a
 * mismatch with a 500; the proxy asks this first and answers 403 with one log
 * line. Any POST to a page is treated as an action: Next runs a form post as
 * one even without the Next-Action header, and no page takes a POST from
 * another site. Auth.js's endpoints (/api/auth) are route handlers that check
 * their own CSRF token. A request with no Origin (curl, a very old browser) is
 * let through, as Next does: browsers send Origin on every cross-site POST, so
 * a forged one carries it.
 */
export type PostRequest = {
  method: string;
  pathname: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
};

export type CrossOrigin = { originHost: string; expectedHost: string | null };

export function crossOriginAction(request: PostRequest): CrossOrigin | null {
  if (request.method !== "POST" || request.pathname.startsWith("/api/") || request.origin === null) return null;
  const originHost = hostOf(request.origin);
  const expectedHost = request.forwardedHost?.split(",")[0]?.trim() || request.host || null;
  if (originHost !== null && originHost === expectedHost) return null;
  return { originHost: originHost ?? request.origin, expectedHost };
}

function hostOf(origin: string): string | null {
  // Sandboxed frames and some privacy modes send the literal "null": never our own origin.
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/* Header values are the sender's: cut to a short printable form before they reach the log. */
export function forLog(value: string | null): string {
  if (value === null) return "(none)";
  const printable = value.replace(/[^\x20-\x7e]/g, "?");
  return printable.length > 100 ? `${printable.slice(0, 100)}...` : printable;
}
