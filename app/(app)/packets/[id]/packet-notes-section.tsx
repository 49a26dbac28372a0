import { PrivateNotesForm } from "@/components/forms/private-notes-form";
import { Markdown } from "@/components/markdown";
import { formatDateTime } from "@/lib/format";
import { PACKET_NOTES_AUDIENCE } from "@/lib/policies/packets";
import { savePacketNotesAction } from "./actions";

type Notes = { body: string; version: number; updatedAt: Date | null; updatedBy: string | null; canWrite: boolean };

/* The manager chain's private notes; rendered only where the policy let the page ask for them. */
export function PacketNotesSection({ packetId, name, notes }: { packetId: string; name: string; notes: Notes }) {
  return (
    <section aria-labelledby="packet-notes-title" className="rounded-lg border-2 border-dashed border-stone-400 bg-stone-50 px-5 py-4" data-testid="private-notes">
      <h2 id="packet-notes-title" className="text-base font-semibold text-stone-900">
        Private notes
      </h2>
      <p className="mt-1 text-sm font-medium text-stone-800">
        {PACKET_NOTES_AUDIENCE}. {name} never sees them.
      </p>
      <div className="mt-3">
        {notes.canWrite ? (
          <PrivateNotesForm action={savePacketNotesAction} record={{ name: "packetId", id: packetId }} fieldId="packet-private-notes" hint={`Markdown. Never shown to ${name}, in any form.`} version={notes.version} body={notes.body} />
        ) : notes.body ? (
          <>
            <Markdown className="break-words text-sm text-stone-900">{notes.body}</Markdown>
            <p className="mt-2 text-xs text-stone-600">{notes.updatedBy ? `Last saved by ${notes.updatedBy}, ${formatDateTime(notes.updatedAt)}` : null}</p>
          </>
        ) : (
          <p className="text-sm text-stone-600">No private notes.</p>
        )}
      </div>
    </section>
  );
}
