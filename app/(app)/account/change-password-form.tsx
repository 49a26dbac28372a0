"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { changePasswordAction, type ChangePasswordState } from "./actions";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      {hasPassword ? (
        <Field id="currentPassword" label="Current password" errors={state.fieldErrors?.currentPassword}>
          {(aria) => <Input {...aria} name="currentPassword" type="password" autoComplete="current-password" />}
        </Field>
      ) : (
        <input type="hidden" name="currentPassword" value="" />
      )}
      <Field id="newPassword" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`} errors={state.fieldErrors?.newPassword}>
        {(aria) => <Input {...aria} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirmPassword" label="Confirm new password" errors={state.fieldErrors?.confirmPassword}>
        {(aria) => <Input {...aria} name="confirmPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
