/*
 * A path on this site to return to after sign-in, never another origin. Browsers
 * strip tabs and newlines from URLs and treat "\\" like "/", so "/\t/evil.com"
 * would become "//evil.com": anything with control characters or backslashes is
 * refused, and what is left must resolve to this origin.
 */
const BASE = "http://trellis.invalid";

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
