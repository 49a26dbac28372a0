import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { cells, competencies, themes, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import { fieldError, refused, type Failure, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { keyFrom, moved } from "@/lib/framework/editor-rules";
import { SHAPE_LIMITS } from "@/lib/framework/format";
import { editDraft } from "./framework-drafts";
import { usesOf, type Use } from "./framework-usage";

/*
 * The matrix's rows (competencies) and columns (themes) in a draft: add,
 * rename and describe, reorder, remove. The shape is data: anything from one
 * to twenty of each. A new row or column arrives with empty cells on every
 * level, which must be written before the draft can be published.
 */
export type MatrixPart = "competency" | "theme";
export type ItemInput = { name: string; summary: string };
/* A refusal that lists what uses the thing being removed. */
export type InUseRefusal = Failure & { uses: string[] };

const tableOf = (part: MatrixPart) =>
  part === "competency"
    ? { table: versionCompetencies, key: versionCompetencies.competencyKey, identities: competencies, cellKey: cells.competencyKey, other: versionThemes, otherKey: versionThemes.themeKey, limit: SHAPE_LIMITS.competencies, plural: "competencies" }
    : { table: versionThemes, key: versionThemes.themeKey, identities: themes, cellKey: cells.themeKey, other: versionCompetencies, otherKey: versionCompetencies.competencyKey, limit: SHAPE_LIMITS.themes, plural: "themes" };

function itemsOf(tx: Executor, part: MatrixPart, versionId: number) {
  const t = tableOf(part);
  return tx.select({ key: t.key, name: t.table.name, position: t.table.position }).from(t.table).where(eq(t.table.versionId, versionId)).orderBy(asc(t.table.position)).all();
}

function sameName(items: { key: string; name: string }[], name: string, except?: string) {
  return items.some((i) => i.key !== except && i.name.trim().toLowerCase() === name.trim().toLowerCase());
}

export function addMatrixItem(viewer: Viewer, number: number, revision: number, part: MatrixPart, input: ItemInput) {
  return editDraft<{ key: string }>(viewer, number, revision, (tx, draft) => {
    const t = tableOf(part);
    const items = itemsOf(tx, part, draft.id);
    if (items.length >= t.limit) return refused(`A framework has at most ${t.limit} ${t.plural}.`);
    if (sameName(items, input.name)) return fieldError("name", `This draft already has a ${part} called “${input.name}”`);
    const key = keyFrom(input.name, new Set(items.map((i) => i.key)), part);
    tx.insert(t.identities).values({ key }).onConflictDoNothing().run();
    const row = { versionId: draft.id, name: input.name, summary: input.summary, position: items.length };
    if (part === "competency") tx.insert(versionCompetencies).values({ ...row, competencyKey: key }).run();
    else tx.insert(versionThemes).values({ ...row, themeKey: key }).run();
    // One empty cell per level and per competency (or theme) on the other side of the matrix.
    const others = tx.select({ key: t.otherKey }).from(t.other).where(eq(t.other.versionId, draft.id)).all();
    const levelKeys = tx.select({ key: versionLevels.levelKey }).from(versionLevels).where(eq(versionLevels.versionId, draft.id)).all();
    for (const level of levelKeys) {
      for (const other of others) {
        const pair = part === "competency" ? { competencyKey: key, themeKey: other.key } : { competencyKey: other.key, themeKey: key };
        tx.insert(cells).values({ versionId: draft.id, levelKey: level.key, ...pair, expectation: "", description: "", examples: [] }).run();
      }
    }
    return { ok: true, value: { key }, audit: `added the ${part} “${input.name}” (${key})` };
  });
}

function findItem(tx: Executor, part: MatrixPart, versionId: number, key: string) {
  const item = itemsOf(tx, part, versionId).find((i) => i.key === key);
  if (!item) throw new NotFoundError(part);
  return item;
}

export function updateMatrixItem(viewer: Viewer, number: number, revision: number, part: MatrixPart, key: string, input: ItemInput) {
  return editDraft(viewer, number, revision, (tx, draft) => {
    const t = tableOf(part);
    const item = findItem(tx, part, draft.id, key);
    if (sameName(itemsOf(tx, part, draft.id), input.name, key)) return fieldError("name", `This draft already has a ${part} called “${input.name}”`);
    tx.update(t.table).set({ name: input.name, summary: input.summary }).where(and(eq(t.table.versionId, draft.id), eq(t.key, key))).run();
    return { ok: true, value: undefined, audit: item.name === input.name ? `described the ${part} “${input.name}”` : `renamed the ${part} “${item.name}” to “${input.name}”` };
  });
}

export function moveMatrixItem(viewer: Viewer, number: number, revision: number, part: MatrixPart, key: string, direction: "up" | "down") {
  return editDraft(viewer, number, revision, (tx, draft) => {
    const t = tableOf(part);
    const items = itemsOf(tx, part, draft.id);
    const order = moved(items, items.findIndex((i) => i.key === key), direction);
    if (!order) return refused(`It is already ${direction === "up" ? "first" : "last"}.`);
    order.forEach((item, position) => tx.update(t.table).set({ position }).where(and(eq(t.table.versionId, draft.id), eq(t.key, item.key))).run());
    return { ok: true, value: undefined, audit: `moved the ${part} “${findItem(tx, part, draft.id, key).name}” ${direction}` };
  });
}

export const usesToRefusal = (label: string, uses: Use[]): InUseRefusal => ({
  ok: false,
  message: `“${label}” is in use, so it stays. Publishing without it would leave these without a place:`,
  uses: uses.map((u) => u.sentence),
});

/* Removing takes the row or column and its cells out of this draft only; earlier versions keep theirs. Refused while anything uses it. */
export function removeMatrixItem(viewer: Viewer, number: number, revision: number, part: MatrixPart, key: string): (Result<void> & { version?: number }) | InUseRefusal {
  return editDraft(viewer, number, revision, (tx, draft): Result<void> & { audit?: string } => {
    const t = tableOf(part);
    const item = findItem(tx, part, draft.id, key);
    if (itemsOf(tx, part, draft.id).length === 1) return refused(`A framework needs at least one ${part}.`);
    const uses = usesOf(tx, part, key);
    if (uses.length) return usesToRefusal(item.name, uses);
    tx.delete(t.table).where(and(eq(t.table.versionId, draft.id), eq(t.key, key))).run();
    itemsOf(tx, part, draft.id).forEach((rest, position) => tx.update(t.table).set({ position }).where(and(eq(t.table.versionId, draft.id), eq(t.key, rest.key))).run());
    return { ok: true, value: undefined, audit: `removed the ${part} “${item.name}” (${key}) and its cells` };
  });
}
