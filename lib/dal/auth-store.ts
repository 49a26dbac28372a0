import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { accounts, people } from "@/db/schema";
import { endSession, type SessionEndReason } from "./sessions";

/*
 * Finds the active person an SSO identity belongs to, linking it on first use.
 * A linked identity keeps working if the person's email changes later.
 */
export function linkSsoAccount(email: string, provider: string, providerAccountId: string): string | null {
  return db().transaction(
    (tx) => {
      const linked = tx
        .select({ personId: people.id, active: people.active })
        .from(accounts)
        .innerJoin(people, eq(people.id, accounts.personId))
        .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
        .get();
      if (linked) return linked.active ? linked.personId : null;
      const person = tx.select({ id: people.id, active: people.active }).from(people).where(eq(people.email, email.trim().toLowerCase())).get();
      if (!person?.active) return null;
      tx.insert(accounts).values({ provider, providerAccountId, personId: person.id, type: "oidc" }).run();
      return person.id;
    },
    { behavior: "immediate" },
  );
}

export function endSessionById(sessionId: string, reason: SessionEndReason) {
  endSession(db(), sessionId, reason);
}
