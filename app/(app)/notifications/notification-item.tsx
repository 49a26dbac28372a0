import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { markNotificationReadAction, openNotificationAction } from "./actions";

export type NotificationView = { id: string; title: string; detail: string; area: string; label: string; createdAt: Date; readAt: Date | null };

/* One notification: its title opens the record (and marks it read); unread ones can be marked read where they stand. */
export function NotificationItem({ n }: { n: NotificationView }) {
  const unread = !n.readAt;
  return (
    <li data-unread={unread ? "true" : undefined} className={`flex gap-3 px-5 py-4 border-l-4 ${unread ? "border-l-brand-600 bg-brand-50/50" : "border-l-transparent"}`}>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
          <Badge tone={unread ? "brand" : "neutral"}>{n.area}</Badge>
          <span className="font-medium text-stone-700">{n.label}</span>
          <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
          {unread ? <span className="font-semibold text-brand-800">Unread</span> : null}
        </p>
        <form action={openNotificationAction}>
          <input type="hidden" name="id" value={n.id} />
          <button type="submit" className={`break-words text-left text-sm text-stone-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${unread ? "font-semibold" : "font-medium"}`}>
            {n.title}
          </button>
        </form>
        {n.detail ? <p className="whitespace-pre-line break-words text-sm text-stone-600">{n.detail}</p> : null}
      </div>
      {unread ? (
        <form action={markNotificationReadAction} className="shrink-0">
          <input type="hidden" name="id" value={n.id} />
          <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-700">
            Mark read<span className="sr-only">: {n.title}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}
