import type { z } from "zod";
import { crossCheck, FRAMEWORK_FORMAT, frameworkFields, frameworkSchema, type FrameworkDocument } from "./format";

/*
 * Reading a framework file someone uploads: every problem, each named by its
 * path in the file (`tracks[0].levels[2].code`) and said in plain words with
 * the names the file itself uses ("Level IC3 on track “Engineering”: the code
 * is missing"). Nothing is written unless the whole file is valid.
 */
export const MAX_FILE_BYTES = 2_000_000;

export type FileProblem = { path: string; where: string; message: string };
export type FileReading = { ok: true; doc: FrameworkDocument } | { ok: false; problems: FileProblem[] };

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  if (path.length === 0) return "(the whole file)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

const at = (value: unknown, path: Path): unknown => path.reduce<unknown>((v, p) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p] : undefined), value);
/* An entry named as the file names it: the first of these fields that holds text. */
const nameOf = (value: unknown, fallback: string, fields = ["name", "key"]) => {
  const n = fields.map((f) => at(value, [f])).find((v) => typeof v === "string" && v.trim());
  return typeof n === "string" ? `“${n.trim()}”` : fallback;
};

const FIELD_WORDS: Record<string, string> = {
  format: "the format",
  name: "the name",
  description: "the description",
  summary: "the summary",
  key: "the key",
  code: "the code",
  equivalentLevelKey: "the equivalent level",
  cells: "the cells",
  expectation: "the expectation",
  examples: "the examples",
  competencies: "the list of competencies",
  themes: "the list of themes",
  tracks: "the list of tracks",
  levels: "the list of levels",
};

/* "Level “IC3” on track “Engineering”, cell values / complexity, example 2" for a path into the raw file. */
export function describePlace(raw: unknown, path: Path): string {
  const parts: string[] = [];
  let i = 0;
  const [top] = path;
  if (top === "competencies" || top === "themes") {
    if (typeof path[1] === "number") {
      parts.push(`${top === "competencies" ? "Competency" : "Theme"} ${nameOf(at(raw, path.slice(0, 2)), `number ${path[1] + 1}`)}`);
      i = 2;
    }
  } else if (top === "tracks" && typeof path[1] === "number") {
    const track = nameOf(at(raw, path.slice(0, 2)), `number ${path[1] + 1}`);
    if (path[2] === "levels" && typeof path[3] === "number") {
      parts.push(`Level ${nameOf(at(raw, path.slice(0, 4)), `number ${path[3] + 1}`, ["code", "name", "key"])} on track ${track}`);
      i = 4;
      if (path[4] === "cells" && path.length >= 6) {
        // Cells by the names the file gives its competencies and themes, or by key when it names none.
        const named = (list: "competencies" | "themes", key: PropertyKey) => {
          const entry = (Array.isArray(at(raw, [list])) ? (at(raw, [list]) as unknown[]) : []).find((e) => at(e, ["key"]) === key);
          const name = at(entry, ["name"]);
          return typeof name === "string" && name.trim() ? name.trim() : String(key);
        };
        parts.push(`cell ${named("competencies", path[5]!)}${path.length >= 7 ? ` / ${named("themes", path[6]!)}` : ""}`);
        i = Math.min(path.length, 7);
      }
    } else {
      parts.push(`Track ${track}`);
      i = 2;
    }
  }
  const rest = path.slice(i);
  if (rest[0] === "examples" && typeof rest[1] === "number") parts.push(`example ${rest[1] + 1}`);
  else if (rest.length && typeof rest[0] === "string") parts.push(FIELD_WORDS[rest[0]] ?? `the field “${rest[0]}”`);
  if (parts.length === 0) return "The file";
  const text = parts.join(", ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kind(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "true or false";
  return "an object";
}

const EXPECTED: Record<string, string> = { string: "text", number: "a number", array: "a list", object: "an object", record: "an object", boolean: "true or false", null: "null" };

/* A zod issue in plain words: what is wrong, not how zod names it. */
function plainWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is missing";
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return `should be ${expected}, not ${kind(issue.input)}`;
    }
    case "too_small":
      if (issue.origin === "string") return "is empty";
      if (issue.origin === "array") return `needs at least ${issue.minimum} ${issue.minimum === 1 ? "entry" : "entries"}`;
      return `is too small (at least ${issue.minimum})`;
    case "too_big":
      if (issue.origin === "string") return `is too long: at most ${issue.maximum} characters, and this has ${typeof issue.input === "string" ? issue.input.trim().length : "more"}`;
      if (issue.origin === "array") return `has too many entries: at most ${issue.maximum}, and this has ${Array.isArray(issue.input) ? issue.input.length : "more"}`;
      return `is too big (at most ${issue.maximum})`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} the format does not know: ${issue.keys.map((k) => `“${k}”`).join(", ")} (check the spelling)`;
    case "invalid_value":
      return `must be "${FRAMEWORK_FORMAT}"`;
    case "invalid_format":
      return issue.message;
    default:
      return issue.message;
  }
}

function problem(raw: unknown, path: Path, message: string): FileProblem {
  return { path: formatPath(path), where: describePlace(raw, path), message };
}

/* Every problem of a document already read (a file's JSON, or a draft about to be published), each with its raw path for linking. */
export function checkDocument(raw: unknown): (FileProblem & { at: Path })[] {
  const fields = frameworkFields.safeParse(raw, { reportInput: true });
  const issues = [...(fields.success ? [] : fields.error.issues.map((i) => ({ at: i.path, message: plainWords(i) }))), ...crossCheck(raw).map((i) => ({ at: i.path, message: i.message }))];
  return issues.map((i) => ({ ...problem(raw, i.at, i.message), at: i.at }));
}

/* Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, position: number) {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return { line, column: position - before.lastIndexOf("\n") };
}

export function readFrameworkFile(text: string): FileReading {
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) return { ok: false, problems: [problem(undefined, [], `is larger than ${MAX_FILE_BYTES / 1_000_000} MB; a framework file is far smaller`)] };
  if (!text.trim()) return { ok: false, problems: [problem(undefined, [], "is empty")] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const place = position ? lineAndColumn(text, Number(position[1])) : null;
    const short = reason.replace(/\s*in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    return { ok: false, problems: [problem(undefined, [], `is not valid JSON${place ? ` at line ${place.line}, column ${place.column}` : ""}: ${short}`)] };
  }
  const problems = checkDocument(raw);
  if (problems.length) return { ok: false, problems: problems.map((p) => ({ path: p.path, where: p.where, message: p.message })) };
  const parsed = frameworkSchema.safeParse(raw);
  // crossCheck above ran on the same input, so a failure here would be a bug in this module.
  if (!parsed.success) throw new Error("framework file passed its checks but not the schema");
  return { ok: true, doc: parsed.data };
}
