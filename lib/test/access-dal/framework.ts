import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { cells, frameworkVersions } from "@/db/schema";
import { getFrameworkStructure, insertFrameworkVersion } from "@/lib/dal/framework";
import { getDraftLevel, saveDraftCell } from "@/lib/dal/framework-cells";
import { exportFramework } from "@/lib/dal/framework-document";
import { discardDraft, listFrameworkVersions, startDraft, updateDraftDetails } from "@/lib/dal/framework-drafts";
import { addLevel, addTrack, moveLevel, removeLevel, removeTrack, updateLevel, updateTrack } from "@/lib/dal/framework-edit-levels";
import { addMatrixItem, moveMatrixItem, removeMatrixItem, updateMatrixItem } from "@/lib/dal/framework-edit-matrix";
import { importFramework } from "@/lib/dal/framework-import";
import { loadDefaultFramework } from "@/lib/dal/framework-install";
import { getPublishPreview, publishDraft } from "@/lib/dal/framework-publish";
import { NotFoundError } from "@/lib/errors";
import type { Org } from "@/lib/test/org";
import { action, featureState, type Action, type Row } from "./harness";

/* ---------- Framework: reading versions, the framework editor ---------- */

/* Framework reads return null when refused; the harness treats that like NotFoundError. */
const orRefuse = <T>(value: T | null) => {
  if (value === null) throw new NotFoundError("framework version");
  return value;
};
const DRAFT_NAME = "Access-control draft framework";
/* The access-control draft's number, made by setupFramework. */
const framework = featureState<{ draftNumber: number }>("the framework");
const draftNumber = () => framework.get().draftNumber;
const readDraft = action(
  (org, a) => orRefuse(getFrameworkStructure(org.as[a], draftNumber())),
  (structure) => {
    expect(structure.version).toMatchObject({ number: draftNumber(), status: "draft", name: DRAFT_NAME });
    expect(structure.levels.length).toBeGreaterThan(0);
  },
);
const exportDraft = action(
  (org, a) => orRefuse(exportFramework(org.as[a], draftNumber())),
  (doc) => {
    expect(doc.name).toBe(DRAFT_NAME);
    expect(doc.tracks.length).toBeGreaterThan(0);
  },
);
const exportPublished = action(
  (org, a) => orRefuse(exportFramework(org.as[a], 1)),
  (doc) => {
    const published = db().select({ name: frameworkVersions.name, status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.number, 1)).get()!;
    expect(published.status).toBe("published");
    expect(doc.name).toBe(published.name);
    expect(doc.name).not.toBe(DRAFT_NAME);
    expect(doc.tracks.length).toBeGreaterThan(0);
  },
);

/* The framework editor: admins only, every page's data and every action, run in this order on the access-control draft. */
const draftRevision = () => db().select({ r: frameworkVersions.revision }).from(frameworkVersions).where(eq(frameworkVersions.number, draftNumber())).get()!.r;
const draftCell = (number: number) => {
  const id = db().select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, number)).get()!.id;
  return db().select().from(cells).where(and(eq(cells.versionId, id), eq(cells.levelKey, "ic2"), eq(cells.competencyKey, "values"), eq(cells.themeKey, "influence"))).get()!;
};
const succeeded = (result: { ok: boolean }) => expect(result).toMatchObject({ ok: true });
const draftStructure = (org: Org) => getFrameworkStructure(org.as.admin, draftNumber())!;
const keyOfNamed = (items: { key: string; name: string }[], name: string) => items.find((i) => i.name === name)?.key ?? "not-added";
const [ADDED_COMPETENCY, ADDED_TRACK] = ["Access control", "Access-control track"];
const frameworkEditor: { what: string; action: Action }[] = [
  {
    what: "list framework versions in the editor",
    action: action(
      (org, a) => listFrameworkVersions(org.as[a]),
      (list) => expect(list.draft).toMatchObject({ number: draftNumber(), name: DRAFT_NAME }),
    ),
  },
  {
    what: "open a draft level's cells",
    action: action(
      (org, a) => getDraftLevel(org.as[a], draftNumber(), "ic2"),
      (level) => expect(level.cells.map((c) => c.id)).toContain("values.influence"),
    ),
  },
  {
    what: "autosave a draft cell",
    action: action(
      (org, a) => saveDraftCell(org.as[a], draftNumber(), { levelKey: "ic2", competencyKey: "values", themeKey: "influence" }, draftCell(draftNumber()).revision, { expectation: "Access-control cell", description: "d", examples: ["e"] }),
      (result) => {
        succeeded(result);
        expect(draftCell(draftNumber()).expectation).toBe("Access-control cell");
      },
    ),
  },
  {
    what: "describe a draft",
    action: action(
      (org, a) => updateDraftDetails(org.as[a], draftNumber(), draftRevision(), { name: DRAFT_NAME, description: "Described by access control", notes: "What changed, for the access-control row" }),
      (result) => {
        succeeded(result);
        expect(db().select({ description: frameworkVersions.description, notes: frameworkVersions.notes }).from(frameworkVersions).where(eq(frameworkVersions.number, draftNumber())).get()).toEqual({ description: "Described by access control", notes: "What changed, for the access-control row" });
      },
    ),
  },
  {
    what: "rename a theme in a draft",
    action: action(
      (org, a) => updateMatrixItem(org.as[a], draftNumber(), draftRevision(), "theme", "influence", { name: "Reach", summary: "Who a person works with." }),
      (result, org) => {
        succeeded(result);
        expect(getFrameworkStructure(org.as.admin, draftNumber())!.themes.find((t) => t.key === "influence")?.name).toBe("Reach");
      },
    ),
  },
  {
    what: "add a competency to a draft",
    action: action(
      (org, a) => addMatrixItem(org.as[a], draftNumber(), draftRevision(), "competency", { name: ADDED_COMPETENCY, summary: "" }),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).competencies.map((c) => c.name)).toContain(ADDED_COMPETENCY);
      },
    ),
  },
  {
    what: "move a theme in a draft",
    action: action(
      (org, a) => moveMatrixItem(org.as[a], draftNumber(), draftRevision(), "theme", draftStructure(org).themes[0]!.key, "down"),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).themes.map((t) => t.key).slice(0, 2)).toEqual(["influence", "complexity"]);
      },
    ),
  },
  {
    what: "remove a competency from a draft",
    action: action(
      (org, a) => removeMatrixItem(org.as[a], draftNumber(), draftRevision(), "competency", keyOfNamed(draftStructure(org).competencies, ADDED_COMPETENCY)),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).competencies.map((c) => c.name)).not.toContain(ADDED_COMPETENCY);
      },
    ),
  },
  {
    what: "add a track to a draft",
    action: action(
      (org, a) => addTrack(org.as[a], draftNumber(), draftRevision(), { name: ADDED_TRACK, summary: "" }),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).tracks.map((t) => t.name)).toContain(ADDED_TRACK);
      },
    ),
  },
  {
    what: "describe a track in a draft",
    action: action(
      (org, a) => updateTrack(org.as[a], draftNumber(), draftRevision(), keyOfNamed(draftStructure(org).tracks, ADDED_TRACK), { name: ADDED_TRACK, summary: "Described by access control" }),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).tracks.find((t) => t.name === ADDED_TRACK)?.summary).toBe("Described by access control");
      },
    ),
  },
  {
    what: "remove a track from a draft",
    action: action(
      (org, a) => removeTrack(org.as[a], draftNumber(), draftRevision(), keyOfNamed(draftStructure(org).tracks, ADDED_TRACK)),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).tracks.map((t) => t.name)).not.toContain(ADDED_TRACK);
      },
    ),
  },
  {
    what: "add a level to a draft",
    action: action(
      (org, a) => addLevel(org.as[a], draftNumber(), draftRevision(), "ic", { code: "IC7", name: "Distinguished Engineer", summary: "" }),
      (result, org) => {
        succeeded(result);
        expect(getFrameworkStructure(org.as.admin, draftNumber())!.levels.map((l) => l.code)).toContain("IC7");
      },
    ),
  },
  {
    what: "edit a level in a draft",
    action: action(
      (org, a) => updateLevel(org.as[a], draftNumber(), draftRevision(), "ic7", { code: "IC7", name: "Distinguished", summary: "Edited by access control", equivalentLevelKey: null }),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).levels.find((l) => l.key === "ic7")).toMatchObject({ name: "Distinguished", summary: "Edited by access control" });
      },
    ),
  },
  {
    what: "move a level in a draft",
    action: action(
      (org, a) => moveLevel(org.as[a], draftNumber(), draftRevision(), "ic7", "up"),
      (result, org) => {
        succeeded(result);
        expect(draftStructure(org).tracks.find((t) => t.key === "ic")!.levels.map((l) => l.key).slice(-2)).toEqual(["ic7", "ic6"]);
      },
    ),
  },
  {
    what: "remove a level from a draft",
    action: action(
      (org, a) => removeLevel(org.as[a], draftNumber(), draftRevision(), "ic7"),
      (result, org) => {
        succeeded(result);
        expect(getFrameworkStructure(org.as.admin, draftNumber())!.levels.map((l) => l.code)).not.toContain("IC7");
      },
    ),
  },
  {
    what: "publish a draft",
    action: action(
      (org, a) => publishDraft(org.as[a], draftNumber(), getPublishPreview(org.as.admin, draftNumber()).stamp),
      (result, org) => {
        succeeded(result);
        expect(getFrameworkStructure(org.as.engineer)!.version).toMatchObject({ number: draftNumber(), name: DRAFT_NAME });
      },
    ),
  },
  {
    what: "start a draft",
    action: action(
      (org, a) => startDraft(org.as[a]),
      (result) => {
        succeeded(result);
        expect(db().select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.number, draftNumber() + 1)).get()?.status).toBe("draft");
      },
    ),
  },
  {
    what: "discard a draft",
    action: action(
      (org, a) => discardDraft(org.as[a], draftNumber() + 1),
      (result) => {
        succeeded(result);
        expect(db().select().from(frameworkVersions).where(eq(frameworkVersions.number, draftNumber() + 1)).get()).toBeUndefined();
      },
    ),
  },
  {
    what: "import a framework file as a draft",
    action: action(
      (org, a) => importFramework(org.as[a], JSON.stringify({ ...exportFramework(org.as.admin, 1), name: "Imported by access control" }), "access.json"),
      (result) => {
        succeeded(result);
        expect(db().select({ name: frameworkVersions.name, status: frameworkVersions.status }).from(frameworkVersions).orderBy(desc(frameworkVersions.number)).get()).toEqual({ name: "Imported by access control", status: "draft" });
      },
    ),
  },
];

export const frameworkRows: Row[] = [
  { what: "read the published framework", as: "engineer", expect: "allowed", action: exportPublished },
  { what: "read a draft framework", as: "engineer", expect: "refused", action: readDraft },
  { what: "export a draft framework", as: "manager", expect: "refused", action: exportDraft },
  { what: "read a draft framework", as: "admin", expect: "allowed", action: readDraft },
  { what: "export a draft framework", as: "admin", expect: "allowed", action: exportDraft },
  // Last of all: publishing the access-control draft changes the version everyone reads (the reads above expect version 1).
  ...frameworkEditor.flatMap(({ what, action }) => [
    ...(["engineer", "manager", "director"] as const).map((as) => ({ what, as, expect: "refused" as const, action })),
    { what, as: "admin" as const, expect: "allowed" as const, action },
  ]),
];

/* A draft beside the published framework buildOrg installed, for the reads and the editor's rows. */
export function setupFramework(org: Org) {
  const draft = db().transaction((tx) => insertFrameworkVersion(tx, { ...loadDefaultFramework(), name: DRAFT_NAME }, { status: "draft", actorId: org.people.admin.id }));
  framework.set({ draftNumber: draft.number });
}
