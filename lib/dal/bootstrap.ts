import "server-only";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { levelHistory, levels, people } from "@/db/schema";
import { recordAudit } from "./audit";
import { orgToday } from "./org-settings";

/* Command-line only (scripts/create-admin.ts): the operator at the server is the authority here. */
export function createFirstAdmin(input: { email: string; name: string; track: string; level: string; passwordHash: string }): string {
  const id = crypto.randomUUID();
  db().transaction(
    (tx) => {
      const level = tx.select().from(levels).where(and(eq(levels.key, input.level), eq(levels.trackKey, input.track))).get();
      if (!level) throw new Error(`Unknown level "${input.level}" on track "${input.track}"`);
      if (tx.select({ id: people.id }).from(people).where(eq(people.email, input.email.toLowerCase())).get()) throw new Error(`${input.email} already exists`);
      const startDate = orgToday();
      tx.insert(people).values({ id, name: input.name, email: input.email.toLowerCase(), role: "admin", trackKey: input.track, levelKey: input.level, startDate, passwordHash: input.passwordHash }).run();
      tx.insert(levelHistory).values({ personId: id, trackKey: input.track, levelKey: input.level, effectiveDate: startDate, reason: "Added as the first admin", recordedById: null }).run();
      recordAudit(tx, { actorId: null, action: "person.create", recordType: "person", recordId: id, summary: `First admin ${input.email} created from the command line` });
    },
    { behavior: "immediate" },
  );
  return id;
}
