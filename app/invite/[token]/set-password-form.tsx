"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { ActionState } from "@/lib/domain/result";
import { setPasswordAction } from "./actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<ActionState<{ email: string }>, FormData>(setPasswordAction, {});
  if (state.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
          Your password is set. Sign in with {state.data?.email}.
        </p>
        <Link href="/signin" className="inline-block text-sm font-semibold text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormMessage message={state.message} />
      <NewPasswordFields errors={state.fieldErrors} confirmLabel="Confirm password" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
