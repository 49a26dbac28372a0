/* A fresh database for every e2e run: delete the old data directory, migrate, install the framework and seed demo data. */
import fs from "node:fs";
import { E2E_DATA_DIR, E2E_ENV } from "./env";

Object.assign(process.env, E2E_ENV);
fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });

async function main() {
  // Imported after the environment is set, so the config reads the e2e paths.
  const { db } = await import("@/db");
  const { installDefaultFramework } = await import("@/lib/dal/framework-install");
  const { seedDemo } = await import("@/db/seed");
  const { authSecret } = await import("@/lib/config");
  authSecret();
  installDefaultFramework(db());
  await seedDemo(db());
  db().$client.close();
  console.log(`e2e database ready in ${E2E_DATA_DIR}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
