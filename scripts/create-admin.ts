/*
 * Creates the first admin of a real installation (one without demo data):
 *   npm run admin:create -- --email you@company.com --name "Your Name" [--track mgmt --level m3]
 * Prints a password to sign in with; change it under Account afterwards.
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "@/db";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { hashPassword } from "@/lib/security/password";
import { createFirstAdmin } from "@/lib/dal/bootstrap";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, track: { type: "string", default: "mgmt" }, level: { type: "string", default: "m3" } } });
  const input = z
    .object({ email: z.email("--email must be an email address"), name: z.string().trim().min(1, "--name is required"), track: z.string(), level: z.string() })
    .safeParse(values);
  if (!input.success) throw new Error(input.error.issues.map((i) => i.message).join("\n"));
  installDefaultFramework(db());
  const password = crypto.randomBytes(12).toString("base64url");
  const id = createFirstAdmin({ ...input.data, passwordHash: await hashPassword(password) });
  console.log(`Created admin ${input.data.email} (${id}).\nTemporary password: ${password}\nSign in and change it under Account.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
