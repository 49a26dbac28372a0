import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { people } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { canEndSessionsOf } from "@/lib/policies/people";
import { recordAudit } from "./audit";
import { relationshipTo } from "./people";
import { endSessionsOf } from "./sessions";
import type { Viewer } from "@/lib/domain/viewer";

export function endOtherSessions(viewer: Viewer, currentSessionId: string) {
  db().transaction(
    (tx) => {
      const ended = endSessionsOf(tx, viewer.id, "ended-by-owner", { except: currentSessionId });
      recordAudit(tx, { actorId: viewer.id, action: "session.end-others", recordType: "person", recordId: viewer.id, summary: `Ended ${ended} other session(s)` });
    },
    { behavior: "immediate" },
  );
}

/* Ends every open session of a person: their own "sign out everywhere", or an admin's (a lost laptop). */
export function endAllSessionsOf(viewer: Viewer, personId: string): number {
  if (!canEndSessionsOf(viewer, relationshipTo(viewer.id, personId))) throw new NotFoundError("person");
  if (!db().select({ id: people.id }).from(people).where(eq(people.id, personId)).get()) throw new NotFoundError("person");
  return db().transaction(
    (tx) => {
      const ended = endSessionsOf(tx, personId, viewer.id === personId ? "ended-by-owner" : "ended-by-admin");
      recordAudit(tx, { actorId: viewer.id, action: "session.end-all", recordType: "person", recordId: personId, summary: `Ended ${ended} session(s)` });
      return ended;
    },
    { behavior: "immediate" },
  );
}
