"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/* A save that lost a race: what is saved now, and the two ways on (keep mine and save, or take the saved version). */
export function ConflictPanel({ id, children, onKeepMine, onUseTheirs }: { id: string; children: ReactNode; onKeepMine: () => void; onUseTheirs: () => void }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="conflict">
      <h2 id={`${id}-title`} className="font-semibold text-amber-900">
        Saved somewhere else while you were editing
      </h2>
      <p className="mt-1 text-sm text-amber-900">Another tab or device saved this while you were editing. Your text is still in the form below. Here is what is saved now where it differs from yours:</p>
      <div className="mt-3">{children}</div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" onClick={onKeepMine}>
          Keep mine and save
        </Button>
        <Button type="button" variant="secondary" onClick={onUseTheirs}>
          Use the saved version
        </Button>
      </div>
    </section>
  );
}
