import "server-only";
import { headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/lib/config";
import { sessionCookiePairs, TokenCache } from "./token-cache";

const decoded = new TokenCache();

/*
 * The session token (the key of the row in `sessions`), read from the
 * encrypted Auth.js cookie on the server. It is never put into the Auth.js
 * session object, because /api/auth/session hands that object to page scripts.
 * Only the cookie header is passed on, so a Bearer header is not a way in.
 */
export async function sessionToken(): Promise<string | null> {
  const cookie = sessionCookiePairs((await headers()).get("cookie") ?? "");
  if (!cookie) return null;
  const known = decoded.get(cookie);
  if (known) return known;
  // Auth.js names the cookie "__Secure-…" over https and plainly over http.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req: { headers: { cookie } }, secret: authSecret(), secureCookie });
    if (typeof token?.sid === "string") {
      if (typeof token.exp === "number") decoded.set(cookie, token.sid, token.exp * 1000);
      return token.sid;
    }
  }
  return null;
}
