import type { Metadata } from "next";
import Link from "next/link";
import { describeAccountLink } from "@/lib/dal/account-links";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const STATE_MESSAGES = {
  expired: "This link has expired. Ask your admin for a new one.",
  used: "This link has already been used. Sign in with your password, or ask your admin for a new link.",
  revoked: "This link is no longer valid. Ask your admin for a new one.",
};

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const link = token.length <= 200 ? describeAccountLink(token) : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand-800">Trellis</p>
          <h1 className="mt-2 text-lg font-medium text-stone-800">{link?.purpose === "reset" ? "Reset your password" : "Welcome to Trellis"}</h1>
        </div>
        <div className="space-y-5 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
          {!link ? (
            <p role="alert" className="text-sm text-stone-800">
              This link is not valid. Check you copied all of it, or ask your admin for a new one.
            </p>
          ) : link.state !== "valid" ? (
            <p role="alert" className="text-sm text-stone-800">
              {STATE_MESSAGES[link.state]}
            </p>
          ) : (
            <>
              <p className="text-sm text-stone-700">
                {link.purpose === "invite" ? `Hi ${link.name}, choose a password to finish setting up your account (${link.email}).` : `Choose a new password for ${link.email}. Your other sessions will be signed out.`}
              </p>
              <SetPasswordForm token={token} email={link.email} />
            </>
          )}
          {!link || link.state !== "valid" ? (
            <Link href="/signin" className="inline-block text-sm font-semibold text-brand-700 hover:underline">
              Go to sign in
            </Link>
          ) : null}
        </div>
      </div>
    </main>
  );
}
