import type { Page, Response } from "@playwright/test";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { evidenceCells, evidenceEntries, frameworkVersions, versionCompetencies, versionThemes } from "@/db/schema";

/* Helpers for the packet specs: the published framework's cell names, a packet cell on the page, evidence, and what the browser receives. */
export function cellNames(db: Db): string[] {
  const versionId = db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).get()!.id;
  const competencies = db.select({ name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
  const themes = db.select({ name: versionThemes.name }).from(versionThemes).where(and(eq(versionThemes.versionId, versionId))).orderBy(asc(versionThemes.position)).all();
  return competencies.flatMap((c) => themes.map((t) => `${c.name} · ${t.name}`));
}

export const packetCell = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

export function logWin(db: Db, personId: string, title: string, cell: [string, string]) {
  const id = crypto.randomUUID();
  db.insert(evidenceEntries).values({ id, personId, title, occurredOn: "2026-02-10", description: "", links: [] }).run();
  db.insert(evidenceCells).values({ entryId: id, competencyKey: cell[0], themeKey: cell[1] }).run();
  return id;
}

/* Every page and server-component payload the browser receives, as text. */
export function recordBodies(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    const contentType = response.headers()["content-type"] ?? "";
    if (type === "document" || contentType.includes("text/x-component") || type === "fetch" || type === "xhr") bodies.push(response.text().catch(() => ""));
  });
  return async () => Promise.all(bodies);
}
