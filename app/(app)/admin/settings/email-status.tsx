import { Badge, Card, CardHeader } from "@/components/ui/card";
import { DataTable, TableHead } from "@/components/ui/table";
import type { OutboxStatus } from "@/lib/domain/enums";
import { formatDateTime } from "@/lib/format";

type Status = {
  counts: Partial<Record<OutboxStatus, number>>;
  failed: { id: string; to: string; name: string; subject: string; error: string | null; attempts: number; createdAt: Date }[];
  lastError: string | null;
};

/* How email stands: whether a mail server is set, what waits in the outbox, and what could not be sent. */
export function EmailStatus({ server, status }: { server: { host: string; from: string } | null; status: Status }) {
  const waiting = (status.counts.pending ?? 0) + (status.counts.sending ?? 0);
  return (
    <Card className="mt-6">
      <CardHeader
        id="email-status"
        title="Email"
        description={server ? `Sent through ${server.host} from ${server.from}. Links in emails use AUTH_URL.` : "Off: SMTP_URL is not set, so notifications stay in the app and admins copy invitation links by hand."}
        action={server ? <Badge tone="brand">On</Badge> : <Badge>Off</Badge>}
      />
      <div className="space-y-4 p-5 text-sm text-stone-700">
        <dl className="grid grid-cols-3 gap-3 sm:max-w-md">
          {[
            ["Waiting", waiting],
            ["Sent", status.counts.sent ?? 0],
            ["Failed", status.counts.failed ?? 0],
          ].map(([label, n]) => (
            <div key={label} className="rounded-md border border-stone-200 px-3 py-2">
              <dt className="text-xs text-stone-600">{label}</dt>
              <dd className="text-lg font-semibold text-stone-900" data-testid={`outbox-${String(label).toLowerCase()}`}>
                {n}
              </dd>
            </div>
          ))}
        </dl>
        {waiting > 0 && status.lastError ? <p className="text-amber-900">The last try failed: {status.lastError}. Trellis keeps trying, waiting longer each time.</p> : null}
        {status.failed.length ? (
          <DataTable caption="Emails that could not be sent (the latest ten)">
            <TableHead columns={["To", "Subject", "Why", "Queued"]} />
            <tbody className="divide-y divide-stone-200">
              {status.failed.map((f) => (
                <tr key={f.id} className="align-top">
                  <td className="px-5 py-2">
                    {f.name}
                    <br />
                    <span className="text-xs text-stone-600">{f.to}</span>
                  </td>
                  <td className="px-3 py-2">{f.subject}</td>
                  <td className="px-3 py-2">
                    {f.error} <span className="text-xs text-stone-600">({f.attempts} {f.attempts === 1 ? "try" : "tries"})</span>
                  </td>
                  <td className="px-5 py-2 whitespace-nowrap">{formatDateTime(f.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
      </div>
    </Card>
  );
}
