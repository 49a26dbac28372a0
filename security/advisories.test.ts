import fs from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

/*
 * npm audit cannot reach an advisory service here, so the advisories that
 * matter most are kept in security/advisories.json and checked against every
 * copy of those packages in package-lock.json, nested ones included.
 */
type Advisory = { package: string; id: string; severity: string; summary: string; affected: string; fixed: string[] };
type Lockfile = { packages: Record<string, { version?: string }> };

const { advisories } = JSON.parse(fs.readFileSync("security/advisories.json", "utf8")) as { advisories: Advisory[] };
const WATCHED = ["next", "react", "react-dom", "next-auth", "better-sqlite3"];
const range = (a: Advisory) => new semver.Range(a.affected, { includePrerelease: true });

/* Every installed copy of each watched package: "node_modules/x" and "node_modules/y/node_modules/x". */
function installed(lockfile: Lockfile): { name: string; version: string; path: string }[] {
  return Object.entries(lockfile.packages).flatMap(([path, entry]) => {
    const name = path.match(/(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/)?.[1];
    return name && entry.version ? [{ name, version: entry.version, path }] : [];
  });
}

function affectedBy(lockfile: Lockfile): string[] {
  return installed(lockfile).flatMap(({ name, version, path }) =>
    advisories.filter((a) => a.package === name && range(a).test(version)).map((a) => `${path}@${version} is affected by ${a.id} (${a.severity}: ${a.summary}); fixed in ${a.fixed.join(", ")}`),
  );
}

describe("dependency advisories", () => {
  it("are well formed: a valid range that leaves out every fixed version", () => {
    for (const a of advisories) {
      expect(() => range(a), a.id).not.toThrow();
      expect(a.fixed.length, a.id).toBeGreaterThan(0);
      for (const fixed of a.fixed) expect(range(a).test(fixed), `${a.id} lists ${fixed} as fixed but its range holds it`).toBe(false);
    }
  });

  it("cover each package Trellis trusts most", () => {
    for (const name of WATCHED) expect(advisories.filter((a) => a.package === name).length, name).toBeGreaterThan(0);
  });

  it("flag an affected lockfile, nested copies too", () => {
    const old: Lockfile = {
      packages: {
        "": {},
        "node_modules/next": { version: "16.2.4" },
        "node_modules/some-tool/node_modules/next-auth": { version: "5.0.0-beta.29" },
        "node_modules/better-sqlite3": { version: "7.6.2" },
        "node_modules/react-dom": { version: "19.3.1" },
      },
    };
    const found = affectedBy(old);
    expect(found.some((f) => f.startsWith("node_modules/next@16.2.4 is affected by GHSA-267c-6grr-h53f"))).toBe(true);
    expect(found.some((f) => f.startsWith("node_modules/some-tool/node_modules/next-auth@5.0.0-beta.29 is affected by GHSA-8fpg-xm3f-6cx3"))).toBe(true);
    expect(found.some((f) => f.startsWith("node_modules/better-sqlite3@7.6.2 is affected by CVE-2022-35737"))).toBe(true);
    expect(found.filter((f) => f.startsWith("node_modules/react-dom@"))).toEqual([]);
  });

  it("match nothing in package-lock.json", () => {
    const lockfile = JSON.parse(fs.readFileSync("package-lock.json", "utf8")) as Lockfile;
    const names = new Set(installed(lockfile).map((p) => p.name));
    for (const name of WATCHED) expect(names.has(name), `${name} is in the lockfile`).toBe(true);
    expect(affectedBy(lockfile)).toEqual([]);
  });
});
