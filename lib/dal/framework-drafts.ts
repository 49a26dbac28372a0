import "server-only";
import { and, desc, eq, sql, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { cells, frameworkVersions, people } from "@/db/schema";
import { conflicted, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { publishStamp } from "@/lib/framework/editor-rules";
import { canEditFrameworkVersion, canUseFrameworkEditor } from "@/lib/policies/framework";
import { recordAudit } from "./audit";
import { diffFrameworks } from "@/lib/framework/version-diff";
import { getFrameworkStructure, insertFrameworkVersion } from "./framework";
import { currentVersion, readDocument, versionByNumber, type VersionRow } from "./framework-document";

/*
 * Framework drafts (admins): one at a time, started as a copy of the current
 * version or imported from a file, edited piece by piece, then published or
 * discarded. Every change to a draft's structure is checked against the
 * revision the editor loaded; cells carry revisions of their own.
 */
export function assertEditor(viewer: Viewer) {
  if (!canUseFrameworkEditor(viewer)) throw new NotFoundError("page");
}

/* The draft with this number, for an admin; anything else looks missing. */
export function loadDraft(ex: Executor, viewer: Viewer, number: number): VersionRow {
  assertEditor(viewer);
  const version = versionByNumber(ex, number);
  if (!version || !canEditFrameworkVersion(viewer, version)) throw new NotFoundError("framework draft");
  return version;
}

export const draftInProgress = (ex: Executor) => ex.select({ number: frameworkVersions.number }).from(frameworkVersions).where(eq(frameworkVersions.status, "draft")).get();

export function cellRevisionSum(ex: Executor, versionId: number): number {
  return Number(ex.select({ n: sum(cells.revision) }).from(cells).where(eq(cells.versionId, versionId)).get()?.n ?? 0);
}

export const DRAFT_CHANGED = "This draft changed while you were editing: someone saved another change. Reload the page to see it; what you typed is still in the form.";

/*
 * One change to a draft's structure, in one immediate transaction: the draft
 * must still be a draft at the revision the editor loaded. The change runs,
 * the revision moves on and an audit row says what happened.
 */
export function editDraft<T>(viewer: Viewer, number: number, revision: number, change: (tx: Executor, draft: VersionRow) => (Result<T> & { audit?: string }) | Result<T>): Result<T> & { version?: number } {
  return db().transaction(
    (tx) => {
      const draft = loadDraft(tx, viewer, number);
      if (draft.revision !== revision) return conflicted(draft.revision, undefined, DRAFT_CHANGED);
      const result = change(tx, draft);
      if (!result.ok) return result;
      tx.update(frameworkVersions).set({ revision: draft.revision + 1 }).where(eq(frameworkVersions.id, draft.id)).run();
      const audit = "audit" in result && result.audit ? result.audit : "Edited the draft";
      recordAudit(tx, { actorId: viewer.id, action: "framework.edit", recordType: "framework-version", recordId: String(draft.id), summary: `Version ${draft.number}: ${audit}` });
      return { ok: true as const, value: result.value, version: draft.revision + 1 };
    },
    { behavior: "immediate" },
  );
}

/* Every version for the editor's front page, newest first, with its shape and who made it. */
export function listFrameworkVersions(viewer: Viewer) {
  assertEditor(viewer);
  const creator = alias(people, "creator");
  const publisher = alias(people, "publisher");
  const count = (table: string) => sql<number>`(select count(*) from ${sql.raw(table)} x where x.version_id = "framework_versions"."id")`;
  const rows = db()
    .select({
      number: frameworkVersions.number,
      name: frameworkVersions.name,
      status: frameworkVersions.status,
      notes: frameworkVersions.notes,
      createdAt: frameworkVersions.createdAt,
      publishedAt: frameworkVersions.publishedAt,
      createdBy: creator.name,
      publishedBy: publisher.name,
      competencies: count("version_competencies"),
      themes: count("version_themes"),
      levels: count("version_levels"),
      tracks: count("version_tracks"),
    })
    .from(frameworkVersions)
    .leftJoin(creator, eq(creator.id, frameworkVersions.createdById))
    .leftJoin(publisher, eq(publisher.id, frameworkVersions.publishedById))
    .orderBy(desc(frameworkVersions.number))
    .all();
  const current = rows.find((r) => r.status === "published")?.number ?? null;
  return { versions: rows.map((r) => ({ ...r, current: r.number === current })), draft: rows.find((r) => r.status === "draft") ?? null, current };
}

/* A new draft, a copy of the current version. Refused while another draft is in progress. */
export function startDraft(viewer: Viewer): Result<{ number: number }> {
  assertEditor(viewer);
  return db().transaction(
    (tx): Result<{ number: number }> => {
      const open = draftInProgress(tx);
      if (open) return refused(`Version ${open.number} is already a draft in progress. Continue it, or publish or discard it first.`);
      const current = currentVersion(tx);
      if (!current) return refused("There is no published version to start from. Import a framework file instead.");
      const created = insertFrameworkVersion(tx, readDocument(tx, current), { status: "draft", actorId: viewer.id, basedOnId: current.id, notes: "" });
      return { ok: true, value: { number: created.number } };
    },
    { behavior: "immediate" },
  );
}

/* Throws a draft away. Nothing points at a draft (reviews and packets pin published versions), so its rows go with it. */
export function discardDraft(viewer: Viewer, number: number): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const draft = loadDraft(tx, viewer, number);
      tx.delete(frameworkVersions).where(and(eq(frameworkVersions.id, draft.id), eq(frameworkVersions.status, "draft"))).run();
      recordAudit(tx, { actorId: viewer.id, action: "framework.discard", recordType: "framework-version", recordId: String(draft.id), summary: `Discarded draft version ${draft.number} (${draft.name})` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

export type DraftDetails = { name: string; description: string; notes: string };

export function updateDraftDetails(viewer: Viewer, number: number, revision: number, input: DraftDetails) {
  return editDraft(viewer, number, revision, (tx, draft) => {
    tx.update(frameworkVersions).set(input).where(eq(frameworkVersions.id, draft.id)).run();
    return { ok: true, value: undefined, audit: `name, description and notes saved (“${input.name}”)` };
  });
}

/* The stamp a publish must match: any save to the draft since the preview was loaded changes it. */
export function draftStamp(ex: Executor, draft: Pick<VersionRow, "id" | "revision">) {
  return publishStamp(draft.revision, cellRevisionSum(ex, draft.id));
}

/*
 * A draft's page: its details, its shape (tracks, levels, competencies and
 * themes in order) and, per level, how many cells are still empty and how many
 * differ from the current version.
 */
export function getDraftOverview(viewer: Viewer, number: number) {
  const draft = loadDraft(db(), viewer, number);
  const structure = getFrameworkStructure(viewer, number)!;
  const current = currentVersion(db()) ?? null;
  const doc = readDocument(db(), draft);
  const diff = current ? diffFrameworks(readDocument(db(), current), doc) : null;
  const empty = (c: { expectation: string; description: string; examples: string[] }) => !c.expectation.trim() || !c.description.trim() || c.examples.length === 0;
  const stats = Object.fromEntries(
    doc.tracks.flatMap((t) =>
      t.levels.map((l) => [
        l.key,
        {
          empty: Object.values(l.cells).flatMap((row) => Object.values(row)).filter(empty).length,
          changed: diff?.levels.find((d) => d.levelKey === l.key)?.cells.length ?? 0,
          isNew: diff !== null && diff.levels.find((d) => d.levelKey === l.key)?.kind === "added",
        },
      ]),
    ),
  );
  return { draft, structure, current, basedOn: basedOnNumber(db(), draft), stats, structureChanges: diff?.structure.length ?? 0 };
}

/* The number of the version a draft started from, if it started from one. */
export function basedOnNumber(ex: Executor, draft: Pick<VersionRow, "basedOnId">): number | null {
  if (draft.basedOnId === null) return null;
  return ex.select({ number: frameworkVersions.number }).from(frameworkVersions).where(eq(frameworkVersions.id, draft.basedOnId)).get()?.number ?? null;
}
