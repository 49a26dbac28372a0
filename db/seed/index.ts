import crypto from "node:crypto";
import { count } from "drizzle-orm";
import type { Db } from "@/db";
import { accountLinks, auditLog, committeeMembers, levelHistory, people } from "@/db/schema";
import { hashPassword } from "@/lib/security/password";
import { DEMO_COMMITTEE, DEMO_PASSWORD, DEMO_PEOPLE } from "./demo-people";
import { seedDemoFramework } from "./demo-framework";
import { seedDemoCommittee } from "./demo-committee";
import { seedDemoPackets } from "./demo-packets";
import { seedDemoReviews } from "./demo-reviews";
import { seedDemoStipend } from "./demo-stipend";
import { seedDemoNotifications } from "./demo-notifications";

/* Demo people, only into a database that has nobody in it yet. */
export async function seedDemo(database: Db): Promise<boolean> {
  if ((database.select({ n: count() }).from(people).get()?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map(DEMO_PEOPLE.map((p) => [p.key, crypto.randomUUID()]));
  database.transaction(
    (tx) => {
      // Managers first, so every manager_id points at a row that exists.
      const ordered = [...DEMO_PEOPLE].sort((a, b) => depth(a) - depth(b));
      for (const p of ordered) {
        tx.insert(people)
          .values({
            id: ids.get(p.key)!,
            name: p.name,
            email: p.email,
            role: p.role,
            trackKey: p.trackKey,
            levelKey: p.levelKey,
            managerId: p.manager ? ids.get(p.manager)! : null,
            team: p.team,
            startDate: p.startDate,
            passwordHash: p.invited ? null : passwordHash,
            active: p.active ?? true,
          })
          .run();
        tx.insert(auditLog).values({ actorId: null, action: "person.create", recordType: "person", recordId: ids.get(p.key)!, summary: `Demo data: added ${p.name}` }).run();
        if (p.invited) {
          // The token itself is thrown away: an admin issues a fresh link to hand over.
          const token = crypto.randomBytes(32).toString("base64url");
          tx.insert(accountLinks)
            .values({
              id: crypto.randomUUID(),
              personId: ids.get(p.key)!,
              purpose: "invite",
              tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
              createdById: ids.get("morgan")!,
              expiresAt: new Date(Date.now() + 36 * 3_600_000),
            })
            .run();
        }
        for (const h of p.history) {
          tx.insert(levelHistory)
            .values({ personId: ids.get(p.key)!, trackKey: h.trackKey ?? p.trackKey, levelKey: h.levelKey, effectiveDate: h.effectiveDate, reason: h.reason, recordedById: null })
            .run();
        }
      }
      for (const key of DEMO_COMMITTEE) tx.insert(committeeMembers).values({ personId: ids.get(key)!, addedById: ids.get("morgan")! }).run();
    },
    { behavior: "immediate" },
  );
  seedDemoFramework(database, ids);
  seedDemoStipend(database, ids);
  seedDemoReviews(database, ids);
  seedDemoCommittee(database, ids, seedDemoPackets(database, ids));
  seedDemoNotifications(database);
  return true;
}

function depth(person: (typeof DEMO_PEOPLE)[number]): number {
  let d = 0;
  let current = person;
  while (current.manager) {
    current = DEMO_PEOPLE.find((p) => p.key === current.manager)!;
    d += 1;
  }
  return d;
}
