import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ssoProvider } from "@/lib/auth";
import { getViewer, safeReturnPath } from "@/lib/auth/viewer";
import { signInWithSsoAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ENDED_MESSAGES: Record<string, string> = {
  deactivated: "Your account has been deactivated, so your session has ended. Ask an admin if this is a mistake.",
  "idle-timeout": "You were signed out after a period of inactivity. Sign in again to continue.",
  "absolute-timeout": "Your session reached its maximum length. Sign in again to continue.",
  "ended-by-admin": "An admin ended your session. Sign in again to continue.",
  "ended-by-owner": "This session was ended from another device. Sign in again to continue.",
  "password-changed": "Your password was changed, so other sessions were signed out. Sign in with the new password.",
  unknown: "Your session has ended. Sign in again to continue.",
};

const AUTH_ERRORS: Record<string, string> = {
  AccessDenied: "That company account doesn't match an active person in Trellis. Ask an admin to add you with the same email address.",
  Configuration: "Sign-in is misconfigured on the server. Ask an admin to check the Trellis logs.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  const ended = typeof params.ended === "string" ? (ENDED_MESSAGES[params.ended] ?? ENDED_MESSAGES.unknown) : null;
  const error = typeof params.error === "string" ? (AUTH_ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;
  const sso = ssoProvider();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand-800">Trellis</p>
          <h1 className="mt-2 text-lg font-medium text-stone-800">Sign in to your career framework</h1>
        </div>
        <div className="space-y-5 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
          {ended || error ? (
            <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {ended ?? error}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
          {sso ? (
            <>
              <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-stone-500">
                <span className="h-px flex-1 bg-stone-200" />
                or
                <span className="h-px flex-1 bg-stone-200" />
              </div>
              <form action={signInWithSsoAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <Button type="submit" variant="secondary" className="w-full">
                  Continue with {sso.name}
                </Button>
              </form>
            </>
          ) : null}
        </div>
        <p className="mt-6 text-center text-xs text-stone-600">New here? Your admin sends you an invitation link to set your password.</p>
      </div>
    </main>
  );
}
