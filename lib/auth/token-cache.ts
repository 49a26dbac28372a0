/*
 * Decoding the session cookie (Auth.js's encrypted JWT: key derivation, HMAC,
 * AES) was about a tenth of each page's CPU time under load. The same cookie
 * always decodes to the same session id, so decoded cookies are remembered
 * until the token's own expiry, at most `max` of them (oldest out first).
 * Only the decoding is skipped: the session row is still checked on every
 * request, so signing out or ending a session takes effect at once.
 */
export class TokenCache {
  private readonly entries = new Map<string, { sid: string; until: number }>();

  constructor(private readonly max = 1000) {}

  get(cookie: string, now = Date.now()): string | null {
    const hit = this.entries.get(cookie);
    if (!hit) return null;
    if (hit.until > now) return hit.sid;
    this.entries.delete(cookie);
    return null;
  }

  set(cookie: string, sid: string, until: number) {
    this.entries.delete(cookie);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(cookie, { sid, until });
  }
}

/* The session cookie's own pairs from a Cookie header (Auth.js may split it into .0, .1, ...), or "" when there is none. */
export function sessionCookiePairs(cookieHeader: string): string {
  return cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => /^(__Secure-)?authjs\.session-token(\.\d+)?=/.test(pair))
    .sort()
    .join("; ");
}
