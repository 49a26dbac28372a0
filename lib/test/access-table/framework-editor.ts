import { ADMINS, EVERYONE, only } from "./roles";
import type { AccessRow, Ids } from "./types";

/*
 * The framework editor: admins only, every page and action, on the demo's
 * draft (Morgan's). A published version is frozen: it has no editor pages,
 * even for admins. A draft is read by admins only, wherever it shows. Allowed
 * action cells name the DAL rows in lib/test/access-dal/framework.ts that edit the
 * access-control draft, publish it, start, discard and import one.
 */
const FILE = {
  versions: "app/(app)/admin/framework/actions.ts",
  structure: "app/(app)/admin/framework/[version]/structure-actions.ts",
  cells: "app/(app)/admin/framework/[version]/cells/[level]/actions.ts",
};
const NOBODY = only({});
const page = (entry: string, path: (ids: Ids) => string, shows: ((ids: Ids) => string) | undefined, cells: AccessRow["cells"] = ADMINS, variant?: string): AccessRow => ({ entry, cells, path, ...(shows ? { shows } : {}), ...(variant ? { variant } : {}) });
const action = (where: keyof typeof FILE, name: string, input: AccessRow["input"], what: string): AccessRow => ({ entry: `action ${FILE[where]}#${name}`, cells: ADMINS, input, proofs: { admin: { what } } });
/* The draft and the revision its pages load: valid input, so only the access check can stop a call. */
const draft = (ids: Ids) => ({ number: ids.draftNumber, revision: ids.draftRevision });
const level = { code: "IC9", name: "Access-control probe", summary: "" };

export const FRAMEWORK_EDITOR_ROWS: AccessRow[] = [
  page("page /admin/framework", () => "/admin/framework", () => "Framework versions"),
  page("page /admin/framework/import", () => "/admin/framework/import", () => "Import a framework"),
  page("page /admin/framework/[version]", (ids) => `/admin/framework/${ids.draftNumber}`, (ids) => `Draft version ${ids.draftNumber}`),
  page("page /admin/framework/[version]", (ids) => `/admin/framework/${ids.publishedNumber}`, undefined, NOBODY, "a published version: frozen"),
  page("page /admin/framework/[version]/matrix", (ids) => `/admin/framework/${ids.draftNumber}/matrix`, () => "Competencies and themes"),
  page("page /admin/framework/[version]/levels", (ids) => `/admin/framework/${ids.draftNumber}/levels`, () => "Tracks and levels"),
  page("page /admin/framework/[version]/cells/[level]", (ids) => `/admin/framework/${ids.draftNumber}/cells/${ids.draftLevelKey}`, (ids) => ids.draftLevelLabel!),
  page("page /admin/framework/[version]/publish", (ids) => `/admin/framework/${ids.draftNumber}/publish`, (ids) => `Review and publish version ${ids.draftNumber}`),
  page("page /admin/framework/[version]/publish", (ids) => `/admin/framework/${ids.publishedNumber}/publish`, undefined, NOBODY, "a published version: frozen"),
  // What changed between two published versions is for everyone; a draft is in no diff, not even an admin's.
  page("page /framework/diff", (ids) => `/framework/diff?from=${ids.previousNumber}&to=${ids.publishedNumber}`, () => "What changed between versions", EVERYONE),
  page("page /framework/diff", (ids) => `/framework/diff?from=${ids.publishedNumber}&to=${ids.draftNumber}`, undefined, NOBODY, "to a draft"),
  // The framework browser and its download show a draft to admins only.
  page("page /framework", (ids) => `/framework?version=${ids.draftNumber}`, (ids) => `You are looking at version ${ids.draftNumber} (draft)`, ADMINS, "a draft version"),
  page("GET /framework/export", (ids) => `/framework/export?version=${ids.draftNumber}`, () => '"tracks"', ADMINS, "a draft version"),
  action("versions", "startDraftAction", () => ({}), "start a draft"),
  action("versions", "updateDraftDetailsAction", (ids) => ({ ...draft(ids), name: ids.draftName, description: "Access-control probe", notes: "" }), "describe a draft"),
  action("versions", "discardDraftAction", (ids) => ({ number: ids.draftNumber }), "discard a draft"),
  action("versions", "publishDraftAction", (ids) => ({ number: ids.draftNumber, stamp: "access-control-probe" }), "publish a draft"),
  action("versions", "importFrameworkAction", () => ({ text: '{"name":"Access-control probe"}' }), "import a framework file as a draft"),
  action("structure", "addMatrixItemAction", (ids) => ({ ...draft(ids), part: "competency", name: "Access-control probe", summary: "" }), "add a competency to a draft"),
  action("structure", "updateMatrixItemAction", (ids) => ({ ...draft(ids), part: "theme", key: ids.draftThemeKey, name: "Access-control probe", summary: "" }), "rename a theme in a draft"),
  action("structure", "moveMatrixItemAction", (ids) => ({ ...draft(ids), part: "theme", key: ids.draftThemeKey, direction: "down" }), "move a theme in a draft"),
  action("structure", "removeMatrixItemAction", (ids) => ({ ...draft(ids), part: "competency", key: ids.draftCompetencyKey }), "remove a competency from a draft"),
  action("structure", "addTrackAction", (ids) => ({ ...draft(ids), name: "Access-control probe", summary: "" }), "add a track to a draft"),
  action("structure", "updateTrackAction", (ids) => ({ ...draft(ids), trackKey: ids.draftTrackKey, name: "Access-control probe", summary: "" }), "describe a track in a draft"),
  action("structure", "removeTrackAction", (ids) => ({ ...draft(ids), trackKey: ids.draftTrackKey }), "remove a track from a draft"),
  action("structure", "addLevelAction", (ids) => ({ ...draft(ids), trackKey: ids.draftTrackKey, ...level }), "add a level to a draft"),
  action("structure", "updateLevelAction", (ids) => ({ ...draft(ids), levelKey: ids.draftLevelKey, ...level, equivalentLevelKey: "" }), "edit a level in a draft"),
  action("structure", "moveLevelAction", (ids) => ({ ...draft(ids), levelKey: ids.draftLevelKey, direction: "up" }), "move a level in a draft"),
  action("structure", "removeLevelAction", (ids) => ({ ...draft(ids), levelKey: ids.draftLevelKey }), "remove a level from a draft"),
  action("cells", "saveDraftCellAction", (ids) => ({ number: ids.draftNumber, levelKey: ids.draftLevelKey, cell: ids.draftCell, revision: ids.draftCellRevision, expectation: "Access-control probe", description: "", examples: "" }), "autosave a draft cell"),
];
