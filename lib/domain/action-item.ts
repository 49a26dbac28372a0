/* One thing waiting on a person, for "Needs my action". Each feature's DAL makes its own; lib/dal/action-items.ts gathers them. */
export type ActionItem = { id: string; kind: string; title: string; detail: string; href: string; cta: string; dueAt?: Date | null; overdue?: boolean };
