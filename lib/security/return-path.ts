/*
 * A path on this site to return to after sign-in, never another origin. Browsers
 * strip tabs and newlines from URLs and treat "\\" like "/", so "/\t/evil.com"
 * would become "//evil.com": anything with control characters or backslashes is
 * refused. Normalising can also make "//host" out of a harmless-looking input
 * ("/.//host", "/%2e//host", "/a/..//host"), so the rule is checked on the final
 * string, the one that goes into the Location header: exactly one "/" followed
 * by anything but "/" or "\", or a bare "/".
 */
const BASE = "http://trellis.invalid";

const isLocalPath = (path: string) => path === "/" || /^\/[^/\\]/.test(path);

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return "/";
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  try {
    const url = new URL(value, BASE);
    const path = `${url.pathname}${url.search}${url.hash}`;
    return url.origin === BASE && isLocalPath(path) ? path : "/";
  } catch {
    return "/";
  }
}

/*
 * For Auth.js's redirect callback, which gets absolute URLs on this site as
 * well as paths: the same rule, answered as an absolute URL on `baseUrl`.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
  return `${baseUrl}${safeReturnPath(path)}`;
}
