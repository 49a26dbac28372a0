import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { accountLinks, people, signInThrottle } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import type { Viewer } from "@/lib/domain/viewer";
import { hashPassword } from "@/lib/security/password";
import { NotFoundError } from "@/lib/errors";
import { LINK_TTL_MS, linkState, type LinkPurpose } from "@/lib/people/account-link-rules";
import { canAdministerPeople } from "@/lib/policies/people";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";
import { endSessionsOf } from "./sessions";
import { accountKey } from "@/lib/security/throttle";
import { config } from "@/lib/config";
import { formatDateTime } from "@/lib/format";
import { renderAccountLinkEmail } from "@/lib/notifications/email";
import { cancelAccountLinkEmails, enqueueEmail } from "./email-outbox";

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/*
 * Issues a one-time link (invitation or password reset). Only the token's hash
 * is stored; the token is returned once for the admin to copy. Issuing a new
 * link voids the person's earlier open ones, and withdraws their emails if
 * still unsent. With a mail server configured the link is also emailed to the
 * person, through the outbox, in the same transaction (sealed at rest).
 */
export function createAccountLink(viewer: Viewer, personId: string, purpose: LinkPurpose, now = Date.now()): string {
  assertAdmin(viewer);
  const token = crypto.randomBytes(32).toString("base64url");
  db().transaction(
    (tx) => {
      const person = tx.select({ name: people.name, email: people.email, active: people.active }).from(people).where(eq(people.id, personId)).get();
      if (!person || !person.active) throw new NotFoundError("person");
      tx.update(accountLinks).set({ revokedAt: new Date(now) }).where(and(eq(accountLinks.personId, personId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt))).run();
      const expiresAt = new Date(now + LINK_TTL_MS[purpose]);
      tx.insert(accountLinks).values({ id: crypto.randomUUID(), personId, purpose, tokenHash: hashToken(token), createdById: viewer.id, createdAt: new Date(now), expiresAt }).run();
      cancelAccountLinkEmails(tx, personId);
      const origin = config().publicOrigin;
      if (config().mail && origin) {
        const email = renderAccountLinkEmail({ recipientName: person.name, adminName: viewer.name, purpose, link: `${origin}/invite/${token}`, expiresAt: formatDateTime(expiresAt) });
        enqueueEmail(tx, { ...email, recipientId: personId, to: person.email, category: "account-link", sealed: true }, new Date(now));
      }
      recordAudit(tx, { actorId: viewer.id, action: `person.${purpose}-link`, recordType: "person", recordId: personId, summary: `Issued a${purpose === "invite" ? "n invitation" : " password reset"} link for ${person.name}` });
    },
    { behavior: "immediate" },
  );
  return token;
}

/* Public (the token is the credential): what the link page needs to show. */
export function describeAccountLink(token: string, now = Date.now()) {
  const row = db()
    .select({ purpose: accountLinks.purpose, expiresAt: accountLinks.expiresAt, usedAt: accountLinks.usedAt, revokedAt: accountLinks.revokedAt, name: people.name, email: people.email, active: people.active })
    .from(accountLinks)
    .innerJoin(people, eq(people.id, accountLinks.personId))
    .where(eq(accountLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return null;
  return { purpose: row.purpose, name: row.name, email: row.email, state: row.active ? linkState(row, now) : ("revoked" as const) };
}

export type RedeemResult = { ok: true; email: string } | { ok: false; state: "missing" | "expired" | "used" | "revoked" };

/* Sets the password and spends the link, in one transaction, so a link works exactly once. */
export async function redeemAccountLink(token: string, newPassword: string, now = Date.now()): Promise<RedeemResult> {
  // Cheap checks first: nobody can make the server hash passwords for made-up tokens.
  const described = describeAccountLink(token, now);
  if (!described) return { ok: false, state: "missing" };
  if (described.state !== "valid") return { ok: false, state: described.state };
  const passwordHash = await hashPassword(newPassword);
  return db().transaction(
    (tx): RedeemResult => {
      const link = tx.select().from(accountLinks).where(eq(accountLinks.tokenHash, hashToken(token))).get();
      if (!link) return { ok: false, state: "missing" };
      const person = tx.select({ id: people.id, email: people.email, active: people.active }).from(people).where(eq(people.id, link.personId)).get();
      const state = person?.active ? linkState(link, now) : "revoked";
      if (state !== "valid" || !person) return { ok: false, state: state === "valid" ? "revoked" : state };
      tx.update(accountLinks).set({ usedAt: new Date(now) }).where(eq(accountLinks.id, link.id)).run();
      tx.update(people).set({ passwordHash, passwordChangedAt: new Date(now), updatedAt: new Date(now) }).where(eq(people.id, person.id)).run();
      endSessionsOf(tx, person.id, "password-changed", {}, now);
      tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(person.email))).run();
      recordAudit(tx, { actorId: person.id, action: `person.${link.purpose}-redeemed`, recordType: "person", recordId: person.id, summary: link.purpose === "invite" ? "Accepted the invitation and set a password" : "Reset their password with a link" });
      return { ok: true, email: person.email };
    },
    { behavior: "immediate" },
  );
}

const INVITE_SOON_MS = 2 * 24 * 3_600_000;

/*
 * Admins' "Needs my action": active people who cannot sign in yet, because
 * they have no password and no open invitation, or theirs expires within two
 * days. (SSO users are fine without a password once they have signed in.)
 */
export function accountLinkActionItems(viewer: Viewer, now = Date.now()): ActionItem[] {
  if (!canAdministerPeople(viewer)) return [];
  const waiting = db()
    .select({
      id: people.id,
      name: people.name,
      // Spelled out in full: inside a raw subquery drizzle would print ${people.id} as a bare "id", which binds to the link's own id.
      expiresAt: sql<number | null>`(select max(l.expires_at) from account_links l where l.person_id = "people"."id" and l.used_at is null and l.revoked_at is null)`,
    })
    .from(people)
    .where(and(eq(people.active, true), isNull(people.passwordHash), sql`not exists (select 1 from accounts a where a.person_id = "people"."id")`))
    .orderBy(asc(people.name))
    .all();
  return waiting
    .filter((p) => p.expiresAt === null || p.expiresAt - now < INVITE_SOON_MS)
    .map((p) => {
      const expired = p.expiresAt === null || p.expiresAt <= now;
      return {
        id: `invite-${p.id}`,
        kind: "Invitation",
        title: expired ? `${p.name} has no way to sign in yet` : `${p.name}'s invitation expires soon`,
        detail: expired ? "No password and no open invitation. Create a link and send it to them." : `The link expires ${new Date(p.expiresAt!).toISOString().slice(0, 16).replace("T", " ")} UTC and has not been used.`,
        href: `/admin/people/${p.id}`,
        cta: "Open",
        dueAt: p.expiresAt ? new Date(p.expiresAt) : null,
      };
    });
}
