import { NextResponse, type NextRequest } from "next/server";

/*
 * Runs before every page. It sets a per-request CSP nonce and the security
 * headers, passes the requested path on for the sign-in return trip, and sends
 * visitors without a session cookie to sign-in. It is a convenience only: the
 * access check is on the server, in every page, action and route handler.
 */
const PUBLIC_PATHS = ["/signin", "/api/auth", "/invite"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars) are allowed; inline scripts are not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-trellis-path", pathname + search);

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSessionCookie = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));

  let response: NextResponse;
  if (!isPublic && !hasSessionCookie && request.method === "GET" && !pathname.startsWith("/api/")) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = new URLSearchParams({ callbackUrl: pathname + search }).toString();
    response = NextResponse.redirect(url);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
