import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listActionItems } from "@/lib/dal/action-items";

export const metadata: Metadata = { title: "Needs my action" };

export default async function HomePage() {
  const viewer = await requireViewer();
  const items = listActionItems(viewer);
  const firstName = viewer.name.split(" ")[0];
  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description="Everything waiting on you, each one click from done." />
      <Card>
        <CardHeader
          id="needs-my-action"
          title="Needs my action"
          description={items.length ? `${items.length} item${items.length === 1 ? "" : "s"} waiting on you` : undefined}
        />
        {items.length === 0 ? (
          <EmptyState title="You&apos;re all caught up">Reviews to write, claims to approve and endorsements you&apos;re asked for will appear here.</EmptyState>
        ) : (
          <ul aria-labelledby="needs-my-action" className="divide-y divide-stone-200">
            {items.map((item) => (
              <li key={item.id} data-overdue={item.overdue ? "true" : undefined} className={`${item.overdue ? "border-l-4 border-red-600 " : ""}flex flex-wrap items-center justify-between gap-3 px-5 py-4`}>
                <div>
                  <p className="text-sm font-medium text-stone-900">{item.title}</p>
                  <p className="text-sm text-stone-600">{item.detail}</p>
                </div>
                <div className="flex items-center gap-3">
                  {item.overdue ? <Badge tone="red">Overdue</Badge> : null}
                  <Badge tone="amber">{item.kind}</Badge>
                  <Link href={item.href} className="text-sm font-semibold text-brand-700 hover:underline">
                    {item.cta}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
