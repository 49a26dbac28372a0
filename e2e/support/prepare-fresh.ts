/* The fresh installation the framework-publishing specs run against: migrations, the default framework, one admin and one engineer. */
import fs from "node:fs";
import { FRESH_DATA_DIR, FRESH_ENV, FRESH_PEOPLE, TEST_PASSWORD } from "./env";

Object.assign(process.env, FRESH_ENV);
fs.rmSync(FRESH_DATA_DIR, { recursive: true, force: true });

async function main() {
  // Imported after the environment is set, so the config reads these paths.
  const { db } = await import("@/db");
  const { installDefaultFramework } = await import("@/lib/dal/framework-install");
  const { authSecret } = await import("@/lib/config");
  const { hashPassword } = await import("@/lib/security/password");
  const { insertPerson } = await import("@/lib/test/factory");
  authSecret();
  installDefaultFramework(db());
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const admin = insertPerson(db(), { ...FRESH_PEOPLE.admin, role: "admin", trackKey: "mgmt", levelKey: "m4", passwordHash });
  insertPerson(db(), { ...FRESH_PEOPLE.engineer, managerId: admin.id, passwordHash });
  db().$client.close();
  console.log(`fresh e2e database ready in ${FRESH_DATA_DIR}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
