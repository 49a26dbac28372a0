"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

/* Shown in place of a page that failed on the server; the digest lets an admin find the error in the logs. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 shadow-xs">
      <h1 className="text-lg font-semibold text-stone-900">Something went wrong on our side</h1>
      <p className="mt-2 text-sm text-stone-700">Changes are saved all-or-nothing, so nothing was left half-done. Try again, and if it keeps happening, tell your Trellis admin.</p>
      {error.digest ? (
        <p className="mt-2 text-xs text-stone-600">
          Reference for your admin: <code className="rounded bg-stone-100 px-1">{error.digest}</code>
        </p>
      ) : null}
      <div className="mt-5 flex gap-3">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href="/" className="inline-flex items-center px-2 text-sm font-semibold text-brand-700 hover:underline">
          Back to Needs my action
        </Link>
      </div>
    </div>
  );
}
