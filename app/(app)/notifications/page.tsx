import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listNotifications } from "@/lib/dal/notifications";
import { MarkAllReadForm } from "./mark-all-read-form";
import { NotificationItem } from "./notification-item";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tabClass = (active: boolean) => `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-200/70"}`;

export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const unreadOnly = params.show === "unread";
  const page = Math.min(1000, Math.max(1, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const { items, hasMore, unread } = listNotifications(viewer, { unreadOnly, page });
  const link = (p: number) => `/notifications?${new URLSearchParams({ ...(unreadOnly ? { show: "unread" } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Reviews, stipend claims and reminders that concern you. Each opens its record, which marks it read. How Trellis emails you is under Account."
        actions={<MarkAllReadForm unread={unread} />}
      />
      <Card>
        <CardHeader
          id="notifications-list"
          title="Your notifications"
          description={unread ? `${unread} unread` : "All read"}
          action={
            <nav aria-label="Show" className="flex gap-1">
              <Link href="/notifications" aria-current={!unreadOnly ? "page" : undefined} className={tabClass(!unreadOnly)}>
                All
              </Link>
              <Link href="/notifications?show=unread" aria-current={unreadOnly ? "page" : undefined} className={tabClass(unreadOnly)}>
                Unread
              </Link>
            </nav>
          }
        />
        {items.length === 0 ? (
          page > 1 ? (
            <EmptyState title="Nothing on this page" action={<Link href={link(1)}>Back to the newest</Link>} />
          ) : (
            <EmptyState title={unreadOnly ? "Nothing unread" : "No notifications yet"}>
              {unreadOnly ? "You have read everything." : "When a review is shared with you, a claim needs your decision or a due date comes close, it shows up here."}
            </EmptyState>
          )
        ) : (
          <ul aria-labelledby="notifications-list" className="divide-y divide-stone-200">
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} />
            ))}
          </ul>
        )}
        {page > 1 || hasMore ? (
          <nav aria-label="Pages" className="flex justify-between border-t border-stone-200 px-5 py-3 text-sm">
            {page > 1 ? <Link href={link(page - 1)}>Newer</Link> : <span />}
            {hasMore ? <Link href={link(page + 1)}>Older</Link> : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
