import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/*
 * Everything a request can reach in the app, read from the source: every page
 * (app/**\/page.tsx), every route handler method (app/**\/route.ts) and every
 * server action (each export of a "use server" file). A "use server" inside a
 * function body (an inline action) is listed too, so that it cannot hide from
 * the access-control table. Keys:
 *   page /reviews/[id]
 *   GET /stipend/receipts/[id]
 *   action app/(app)/reviews/actions.ts#saveSelfAssessmentAction
 */
export type SurfaceEntry = { kind: "page" | "route" | "action" | "inline-action"; key: string; file: string };

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

/* app/(app)/reviews/[id]/page.tsx -> /reviews/[id]: route groups leave the URL. */
export function routePath(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return `/${segments.join("/")}`;
}

function parse(file: string) {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/* The names a file exports as values (functions, consts, destructured consts), never types. */
export function exportedValues(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
        else if (ts.isObjectBindingPattern(declaration.name)) for (const element of declaration.name.elements) if (ts.isIdentifier(element.name)) names.push(element.name.text);
      }
    }
  }
  if (source.statements.some((s) => ts.isExportDeclaration(s) && !s.isTypeOnly)) names.push("(re-export: list it by name)");
  return names;
}

const isUseServer = (statement: ts.Statement) => ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === "use server";

/* Function bodies that start with "use server": inline server actions. */
function inlineActions(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent) && node.statements.some(isUseServer)) lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

export function appSurface(): SurfaceEntry[] {
  const entries: SurfaceEntry[] = [];
  for (const file of sourceFiles("app")) {
    const name = path.basename(file);
    if (name === "page.tsx" || name === "page.ts") entries.push({ kind: "page", key: `page ${routePath(file)}`, file });
    if (name === "route.ts") for (const method of exportedValues(parse(file)).filter((n) => HTTP_METHODS.has(n))) entries.push({ kind: "route", key: `${method} ${routePath(file)}`, file });
  }
  for (const file of ["app", "components", "lib"].flatMap(sourceFiles)) {
    const source = parse(file);
    if (source.statements.length && isUseServer(source.statements[0]!)) for (const name of exportedValues(source)) entries.push({ kind: "action", key: `action ${file}#${name}`, file });
    for (const line of inlineActions(source)) entries.push({ kind: "inline-action", key: `inline action ${file}:${line}`, file });
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}
