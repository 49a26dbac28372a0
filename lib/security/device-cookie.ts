import crypto from "node:crypto";

/*
 * Device cookies (OWASP, "Slow brute force" / device cookies): a browser that
 * has signed in to an account before gets a signed cookie naming that account.
 * Presented again, it lets the person past the account-wide lock that anyone
 * can trigger with wrong passwords; the device is then throttled on its own
 * key, so a stolen cookie is still rate-limited. Pure, so it can be unit-tested.
 *
 * Format: base64url("<personId>:<nonce>") + "." + base64url(HMAC-SHA256).
 */
export const DEVICE_COOKIE = "trellis-device";
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export type Device = { personId: string; nonce: string };

// A label in the MAC keeps these signatures from being valid anywhere else the secret signs.
const mac = (payload: string, secret: string) => crypto.createHmac("sha256", secret).update(`trellis-device-cookie:${payload}`).digest();

export function signDeviceCookie(personId: string, secret: string, nonce = crypto.randomBytes(16).toString("base64url")): string {
  const payload = Buffer.from(`${personId}:${nonce}`).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

export function readDeviceCookie(value: string | null | undefined, secret: string): Device | null {
  if (!value || value.length > 512) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  const decoded = Buffer.from(payload, "base64url").toString();
  const at = decoded.lastIndexOf(":");
  if (at <= 0 || at === decoded.length - 1) return null;
  return { personId: decoded.slice(0, at), nonce: decoded.slice(at + 1) };
}

/* The device cookie's value from a Cookie request header, if there is one. */
export function deviceCookieFrom(cookieHeader: string | null): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=");
  }
  return null;
}
