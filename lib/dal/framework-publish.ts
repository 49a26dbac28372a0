import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { frameworkVersions } from "@/db/schema";
import { conflicted, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { checkDocument, describePlace } from "@/lib/framework/file-problems";
import { diffFrameworks } from "@/lib/framework/version-diff";
import { recordAudit } from "./audit";
import { basedOnNumber, draftStamp, loadDraft } from "./framework-drafts";
import { currentVersion, readDocument } from "./framework-document";
import { inUseButMissing } from "./framework-usage";

/*
 * Publishing: the admin first sees what changes against the current version,
 * cell by cell, what is still unwritten and anything in use the draft leaves
 * out. Publishing makes the draft the current version and freezes it; earlier
 * versions stay readable, and reviews stay pinned to the one they were
 * written against.
 */
export function getPublishPreview(viewer: Viewer, number: number) {
  const draft = loadDraft(db(), viewer, number);
  const current = currentVersion(db()) ?? null;
  const doc = readDocument(db(), draft);
  const problems = checkDocument(doc);
  const levelKeyAt = (at: readonly PropertyKey[]) => (at[0] === "tracks" && typeof at[1] === "number" && at[2] === "levels" && typeof at[3] === "number" ? doc.tracks[at[1]]?.levels[at[3]]?.key : undefined);
  return {
    draft,
    current,
    basedOn: basedOnNumber(db(), draft),
    stamp: draftStamp(db(), draft),
    diff: current ? diffFrameworks(readDocument(db(), current), doc) : null,
    problems: problems.map((p) => {
      const inCell = p.at[4] === "cells" && typeof p.at[5] === "string" && typeof p.at[6] === "string";
      // A cell's problems are shown together under the cell's name.
      return { ...p, levelKey: levelKeyAt(p.at) ?? null, cell: inCell ? `${String(p.at[5])}.${String(p.at[6])}` : null, cellPlace: inCell ? describePlace(doc, p.at.slice(0, 7)) : null, field: inCell && p.at.length > 7 ? describePlace(doc, p.at).slice(describePlace(doc, p.at.slice(0, 7)).length + 2) : null };
    }),
    inUse: inUseButMissing(db(), doc),
  };
}

export function publishDraft(viewer: Viewer, number: number, stamp: string): Result<{ number: number }> {
  return db().transaction(
    (tx): Result<{ number: number }> => {
      const draft = loadDraft(tx, viewer, number);
      const now = draftStamp(tx, draft);
      if (now !== stamp) return conflicted(draft.revision, undefined, "The draft changed after you opened this page. Look over the changes again before publishing.");
      const doc = readDocument(tx, draft);
      const problems = checkDocument(doc);
      if (problems.length) return refused(`The draft is not ready: ${problems.length === 1 ? "1 thing needs" : `${problems.length} things need`} fixing first, listed on this page.`);
      const inUse = inUseButMissing(tx, doc);
      if (inUse.length) return refused(`The draft leaves out ${inUse.map((u) => `“${u.label}”`).join(", ")}, still in use. Put ${inUse.length === 1 ? "it" : "them"} back, or move what uses ${inUse.length === 1 ? "it" : "them"} first.`);
      const previous = currentVersion(tx);
      tx.update(frameworkVersions).set({ status: "published", publishedAt: new Date(), publishedById: viewer.id, revision: draft.revision + 1 }).where(eq(frameworkVersions.id, draft.id)).run();
      recordAudit(tx, { actorId: viewer.id, action: "framework.publish", recordType: "framework-version", recordId: String(draft.id), summary: `Published version ${draft.number} (${draft.name})${previous ? `, replacing version ${previous.number}` : ""}` });
      return { ok: true, value: { number: draft.number } };
    },
    { behavior: "immediate" },
  );
}
