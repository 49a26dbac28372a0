import fs from "node:fs";
import path from "node:path";

/* The stored-XSS corpus: a few hundred payloads, one string each (security/xss-payloads.json). */
export const XSS_PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.resolve("security/xss-payloads.json"), "utf8"));
