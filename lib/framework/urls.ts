/* Shareable URLs for every framework view: level, open cell, compared levels and (for old versions) the version. */
type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query: Query, anchor?: string) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `${path}${qs ? `?${qs}` : ""}${anchor ? `#${anchor}` : ""}`;
}

export function levelHref(q: { level: string; cell?: string | null; version?: number | null }, anchor?: string) {
  return withQuery("/framework", { level: q.level, cell: q.cell, version: q.version }, anchor);
}

export function compareHref(q: { from: string; to: string; version?: number | null }) {
  return withQuery("/framework/compare", { from: q.from, to: q.to, version: q.version });
}

/* The shareable difference between two published versions. */
export function diffHref(q: { from: number; to: number }) {
  return withQuery("/framework/diff", { from: q.from, to: q.to });
}

export function exportHref(version: number) {
  return `/framework/export?version=${version}`;
}

/* A version number from the query string, or undefined for "the latest published". */
export function parseVersion(value: string | string[] | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^\d{1,6}$/.test(value)) return null;
  return Number(value);
}
