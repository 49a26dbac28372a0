import type { ReactNode } from "react";

/* The sticky line with the autosave status, and the form's main button. */
export function SaveBar({ testId, status, children }: { testId: string; status: string; children?: ReactNode }) {
  return (
    <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white/95 px-4 py-3 shadow-xs">
      <p role="status" aria-live="polite" className="text-sm font-medium text-stone-700" data-testid={testId}>
        {status}
      </p>
      {children}
    </div>
  );
}
