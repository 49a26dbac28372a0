import type { NotificationKind } from "@/lib/domain/enums";
import { clockIn, todayIn } from "@/lib/domain/org-time";
import { AREAS, KINDS, type NotificationArea } from "./kinds";

/*
 * The daily digest: once a day, from 08:00 in the organisation's time zone,
 * everything a person has not read and not yet been emailed, grouped by area.
 */
export const DIGEST_HOUR = 8;

export type DigestItem = { kind: NotificationKind; title: string; detail: string; path: string; createdAt: Date };
export type DigestGroup = { area: NotificationArea; items: DigestItem[] };

/* Areas in a fixed order, newest first inside each; empty areas are left out. */
export function groupForDigest(items: DigestItem[]): DigestGroup[] {
  return AREAS.map((area) => ({
    area,
    items: items.filter((i) => KINDS[i.kind].area === area).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
  })).filter((g) => g.items.length > 0);
}

export function digestSubject(groups: DigestGroup[]): string {
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const parts = groups.map((g) => `${g.area}: ${g.items.length}`).join(", ");
  return `Trellis: ${total} ${total === 1 ? "update" : "updates"} waiting (${parts})`;
}

/* The org's date whose digest is due at `now`, or null before 08:00 there. */
export function digestDay(now: Date, timeZone: string): string | null {
  const hour = Number(clockIn(timeZone, now).slice(0, 2));
  return hour >= DIGEST_HOUR ? todayIn(timeZone, now) : null;
}

/* One digest per person per org day. */
export const digestKey = (personId: string, day: string) => `digest:${personId}:${day}`;
