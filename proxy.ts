import { NextResponse, type NextRequest } from "next/server";
import { BODY_TOO_LARGE_MESSAGE, FORM_BODY_LIMIT_BYTES } from "@/lib/request-limits";
import { crossOriginAction, forLog } from "@/lib/security/action-origin";
import { routeSetsOwnCsp } from "@/lib/security-policy";

/*
 * Runs before every page. It sets a per-request CSP nonce and the security
 * headers, passes the requested path on for the sign-in return trip, and sends
 * visitors without a session cookie to sign-in. It is a convenience only: the
 * access check is on the server, in every page, action and route handler.
 * It also turns away posts too big for a form (lib/request-limits.ts) and
 * posts from another site (lib/security/action-origin.ts).
 */
const PUBLIC_PATHS = ["/signin", "/api/auth", "/invite"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refusal = crossSiteProblem(request) ?? bodyProblem(request);
  if (refusal) return refusal;
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
  // A route handler with its own policy (a sandboxed download) keeps it: a header set here would replace it.
  if (!routeSetsOwnCsp(pathname)) response.headers.set("Content-Security-Policy", csp);
  return response;
}

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/* A post to a page from another site: Next would refuse the action too, but with a 500. */
function crossSiteProblem(request: NextRequest): NextResponse | null {
  const headers = request.headers;
  const mismatch = crossOriginAction({
    method: request.method,
    pathname: request.nextUrl.pathname,
    origin: headers.get("origin"),
    host: headers.get("host"),
    forwardedHost: headers.get("x-forwarded-host"),
  });
  if (!mismatch) return null;
  console.warn(`[trellis] refused: cross-origin POST to ${forLog(request.nextUrl.pathname)} from ${forLog(mismatch.originHost)} (this site is ${forLog(mismatch.expectedHost)})`);
  return new NextResponse("This form was sent from another site, so Trellis refused it. Open Trellis directly and try again.", { status: 403, headers: PLAIN });
}

/*
 * A post whose declared length is over the form limit, or that declares none
 * (a chunked body can't be measured up front), is answered here: past the
 * limit, Next.js would fail the server action with a 500.
 */
function bodyProblem(request: NextRequest): NextResponse | null {
  if (request.method !== "POST") return null;
  const declared = request.headers.get("content-length");
  if (declared === null) return new NextResponse("Send the form with a Content-Length.", { status: 411, headers: PLAIN });
  if (Number(declared) > FORM_BODY_LIMIT_BYTES) return new NextResponse(BODY_TOO_LARGE_MESSAGE, { status: 413, headers: PLAIN });
  return null;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
