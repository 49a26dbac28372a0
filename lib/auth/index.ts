import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { authSecret, config } from "@/lib/config";
import { clientAddress } from "@/lib/security/client-address";
import { deviceCookieFrom } from "@/lib/security/device-cookie";
import { rememberDevice } from "./remember-device";
import { safeRedirectUrl } from "@/lib/security/return-path";
import { endSessionById, linkSsoAccount } from "@/lib/dal/auth-store";
import { getViewerById } from "@/lib/dal/people";
import { checkSession, createSession } from "@/lib/dal/sessions";
import { verifyCredentials } from "@/lib/dal/sign-in";

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}

export class TooManyAttempts extends CredentialsSignin {
  code = "locked";
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const client = clientAddress(request.headers.get("x-forwarded-for"), config().trustedProxyHops);
        const device = deviceCookieFrom(request.headers.get("cookie"));
        const result = await verifyCredentials(parsed.data.email, parsed.data.password, { ...client, device });
        if (result.ok) return { id: result.personId };
        throw result.reason === "locked" ? new TooManyAttempts() : new InvalidCredentials();
      },
    }),
  ];
  const oidc = config().oidc;
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

export const ssoProvider = () => (config().oidc ? { id: "oidc", name: config().oidc!.name } : null);

/*
 * Sessions are JWT cookies (the Credentials provider requires them), but each
 * cookie carries only the id of a row in `sessions`; lib/auth/viewer.ts checks
 * that row on every request, which is what makes deactivation, idle and
 * absolute timeouts and "end this session" take effect at once. The viewer
 * reads the token from the cookie itself (lib/auth/session-token.ts), so the
 * session object, which /api/auth/session serves to the browser, never holds it.
 */
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: Math.floor(config().sessionMaxMs / 1000) },
  pages: { signIn: "/signin", error: "/signin" },
  logger: {
    // A wrong password is an everyday event, answered on the form; keep real failures loud.
    error(error) {
      // Class names are minified in the build; the static `type` survives.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      // A post without Auth.js's CSRF token (a forged form, a probe) is refused: one line, like any refusal.
      if ((error as { type?: string }).type === "MissingCSRF") return console.info("[trellis] refused: an Auth.js request without its CSRF token");
      console.error(error);
    },
  },
  providers: providers(),
  callbacks: {
    // Return addresses in Auth.js's own endpoints and cookies follow the same rule as the sign-in page.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    // Company SSO admits only people an admin has already added, matched by email.
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      // An IdP that does not vouch for the email could let anyone claim a colleague's address.
      if (!profile?.email || (profile.email_verified !== true && !config().oidcAllowUnverifiedEmail)) return false;
      return linkSsoAccount(String(profile.email), account.provider, account.providerAccountId) !== null;
    },
    async jwt({ token, user, account, profile }) {
      // Not a sign-in: the cookie counts only while its row in `sessions` is open (null clears it).
      if (!account) return token.sid && checkSession(token.sid).valid ? token : null;
      const personId =
        account.provider === "oidc" ? linkSsoAccount(String(profile?.email ?? ""), account.provider, account.providerAccountId) : user?.id;
      if (!personId) return null;
      await rememberDevice(personId);
      return { sub: personId, sid: createSession(personId, account.provider) };
    },
    // /api/auth/session hands this to page scripts: who is signed in, never the token.
    async session({ session, token }) {
      const person = token.sub ? getViewerById(token.sub) : null;
      return { user: { name: person?.name, email: person?.email }, expires: session.expires };
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sid) endSessionById(message.token.sid, "signed-out");
    },
  },
}));
