/* One-time account links: an invitation lasts a week, a password reset a day. Pure, so tests can inject time. */
export const LINK_TTL_MS = { invite: 7 * 24 * 3_600_000, reset: 24 * 3_600_000 } as const;

export type LinkPurpose = keyof typeof LINK_TTL_MS;
export type LinkState = "valid" | "expired" | "used" | "revoked";

export function linkState(link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: number): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now) return "expired";
  return "valid";
}
