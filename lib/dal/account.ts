import "server-only";
import { db } from "@/db";
import { recordAudit } from "./audit";
import { endSessionsOf } from "./sessions";
import type { Viewer } from "./viewer-type";

export function endOtherSessions(viewer: Viewer, currentSessionId: string) {
  db().transaction(
    (tx) => {
      const ended = endSessionsOf(tx, viewer.id, "ended-by-owner", { except: currentSessionId });
      recordAudit(tx, { actorId: viewer.id, action: "session.end-others", recordType: "person", recordId: viewer.id, summary: `Ended ${ended} other session(s)` });
    },
    { behavior: "immediate" },
  );
}
