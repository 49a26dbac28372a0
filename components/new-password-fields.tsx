import { Field, Input } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/password-length";

/* The new password and its confirmation, as every form that sets a password asks for them. */
export function NewPasswordFields({ errors, confirmLabel = "Confirm new password" }: { errors?: { newPassword?: string[]; confirmPassword?: string[] }; confirmLabel?: string }) {
  return (
    <>
      <Field id="newPassword" label="New password" hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`} errors={errors?.newPassword}>
        {(aria) => <Input {...aria} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Field id="confirmPassword" label={confirmLabel} errors={errors?.confirmPassword}>
        {(aria) => <Input {...aria} name="confirmPassword" type="password" autoComplete="new-password" />}
      </Field>
    </>
  );
}
