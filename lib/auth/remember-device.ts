import "server-only";
import { cookies, headers } from "next/headers";
import { authSecret, config } from "@/lib/config";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, signDeviceCookie } from "@/lib/security/device-cookie";

/*
 * Gives this browser a device cookie for the person who just signed in
 * (password or SSO), so a lock on their account later does not lock them out
 * here. Called from the jwt callback, which runs inside the sign-in server
 * action and the SSO callback route handler: Next applies cookies set there to
 * the response.
 */
export async function rememberDevice(personId: string) {
  (await cookies()).set(DEVICE_COOKIE, signDeviceCookie(personId, authSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

// The same decision Auth.js makes for its own cookies: AUTH_URL if set, else the forwarded protocol.
async function isHttps() {
  const origin = config().publicOrigin;
  if (origin) return origin.startsWith("https:");
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
