import "server-only";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Db } from "@/db";
import { frameworkVersions } from "@/db/schema";
import { parseFramework } from "@/lib/framework/format";
import { insertFrameworkVersion } from "./framework";

/* The framework that ships with Trellis (db/seed/framework.json), read through the file format's checks. */
export function loadDefaultFramework() {
  const file = path.join(process.cwd(), /* turbopackIgnore: true */ "db", "seed", "framework.json");
  return parseFramework(JSON.parse(fs.readFileSync(file, "utf8")));
}

/* The default framework is product data, installed on a first start whether or not demo data is wanted. */
export function installDefaultFramework(database: Db): boolean {
  if ((database.select({ n: count() }).from(frameworkVersions).get()?.n ?? 0) > 0) return false;
  const doc = loadDefaultFramework();
  database.transaction((tx) => insertFrameworkVersion(tx, doc, { status: "published", actorId: null, notes: "Default framework shipped with Trellis" }), { behavior: "immediate" });
  return true;
}

