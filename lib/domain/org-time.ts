/*
 * The organisation's calendar: "today", due dates and overdue are read in the
 * org's IANA time zone (an admin setting, default UTC), not the server's.
 */
export const DEFAULT_TIME_ZONE = "UTC";

/* Every zone this runtime knows, plus UTC (which some runtimes leave out of the list). */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isTimeZone(value: string): boolean {
  return timeZones().includes(value);
}

/* The calendar date (YYYY-MM-DD) in the zone at the instant `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/* The wall-clock time (HH:MM) in the zone, for "Saved 12:04". */
export function clockIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

export type DueState = "upcoming" | "due-today" | "overdue";

/* Dates are ISO strings, so they compare as text. */
export function dueState(dueOn: string, today: string): DueState {
  if (today > dueOn) return "overdue";
  return today === dueOn ? "due-today" : "upcoming";
}

/* The calendar year of an ISO date (YYYY-MM-DD). */
export const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

/* The years a year switcher offers, newest first: from `ahead` years after `year` back to `back` years before it. */
export function yearsAround(year: number, { ahead = 0, back = 1 }: { ahead?: number; back?: number } = {}): number[] {
  return Array.from({ length: ahead + back + 1 }, (_, i) => year + ahead - i);
}
