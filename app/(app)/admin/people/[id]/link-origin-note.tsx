import type { LinkOrigin } from "@/lib/people/link-origin";

/* Says where copied links will point, so an admin notices before sending one that leads elsewhere. */
export function LinkOriginNote({ chosen }: { chosen: LinkOrigin }) {
  return (
    <div className="space-y-2" data-testid="link-origin">
      {chosen.origin ? (
        <p className="text-stone-700">
          Links use <code className="break-all rounded bg-stone-100 px-1">{chosen.origin}</code>{" "}
          {chosen.source === "AUTH_URL" ? "(from AUTH_URL)." : "(from this request's address; set AUTH_URL to fix it)."}
        </p>
      ) : null}
      {chosen.warning ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          <strong>Check the link address.</strong> {chosen.warning}
        </p>
      ) : null}
    </div>
  );
}
