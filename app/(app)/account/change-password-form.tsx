"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { ActionState } from "@/lib/domain/result";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changePasswordAction, {});
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
      <NewPasswordFields errors={state.fieldErrors} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}
