import "server-only";
import { db } from "@/db";
import { levels } from "@/db/schema";
import { refused, type Failure, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { describePlace, formatPath, readFrameworkFile, type FileProblem } from "@/lib/framework/file-problems";
import { recordAudit } from "./audit";
import { insertFrameworkVersion } from "./framework";
import { assertEditor, draftInProgress } from "./framework-drafts";
import { currentVersion } from "./framework-document";

/*
 * Importing a framework file (docs/framework-format.md) as a new draft. The
 * whole file is checked first and every problem is listed; nothing is written
 * unless it is all valid. The draft is then edited and published like any other.
 */
export type ImportRefusal = Failure & { problems: FileProblem[] };

export function importFramework(viewer: Viewer, text: string, fileName: string): Result<{ number: number }> | ImportRefusal {
  assertEditor(viewer);
  const reading = readFrameworkFile(text);
  if (!reading.ok) return { ok: false, message: `${fileName} has ${reading.problems.length === 1 ? "1 problem" : `${reading.problems.length} problems`}. Nothing was imported.`, problems: reading.problems };
  const doc = reading.doc;
  return db().transaction(
    (tx): Result<{ number: number }> | ImportRefusal => {
      // A level's key belongs to one track for life: people and history point at it.
      const owners = new Map(tx.select({ key: levels.key, trackKey: levels.trackKey }).from(levels).all().map((l) => [l.key, l.trackKey]));
      const problems = doc.tracks.flatMap((track, ti) =>
        track.levels.flatMap((level, li) => {
          const owner = owners.get(level.key);
          if (!owner || owner === track.key) return [];
          const at = ["tracks", ti, "levels", li, "key"];
          return [{ path: formatPath(at), where: describePlace(doc, at), message: `is "${level.key}", which belongs to the track "${owner}"; a level's key stays with its track, so give this level a key of its own` }];
        }),
      );
      if (problems.length) return { ok: false, message: `${fileName} has ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}. Nothing was imported.`, problems };
      const open = draftInProgress(tx);
      if (open) return refused(`Version ${open.number} is a draft in progress. Publish or discard it, then import this file.`);
      const created = insertFrameworkVersion(tx, doc, { status: "draft", actorId: viewer.id, basedOnId: currentVersion(tx)?.id ?? null, notes: `Imported from ${fileName}` });
      recordAudit(tx, { actorId: viewer.id, action: "framework.import", recordType: "framework-version", recordId: String(created.id), summary: `Imported ${fileName} as draft version ${created.number}: ${doc.competencies.length} competencies x ${doc.themes.length} themes, ${doc.tracks.reduce((n, t) => n + t.levels.length, 0)} levels` });
      return { ok: true, value: { number: created.number } };
    },
    { behavior: "immediate" },
  );
}
