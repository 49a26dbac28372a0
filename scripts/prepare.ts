/*
 * Run before the app starts (npm start / npm run demo / npm run dev): creates
 * the data directory and the auth secret if missing, applies migrations,
 * installs the default framework on a new database and, with --seed, demo
 * people (never over existing data). It also applies the receipt retention
 * rule once, deleting receipt files whose time is up.
 */
import { db } from "@/db";
import { seedDemo } from "@/db/seed";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { authSecret, config } from "@/lib/config";
import { purgeExpiredReceipts } from "@/lib/dal/stipend-receipts";

async function main() {
  const cfg = config();
  authSecret();
  const database = db();
  console.log(`Database ready at ${cfg.databasePath} (migrations applied).`);
  if (installDefaultFramework(database)) console.log("Installed the default framework as version 1.");
  if (process.argv.includes("--seed")) {
    console.log((await seedDemo(database)) ? "Loaded demo data." : "The database already has people, so demo data was not loaded.");
  }
  const { removed } = purgeExpiredReceipts(new Date());
  if (removed) console.log(`Removed ${removed} receipt file(s) of rejected claims past the retention period.`);
  database.$client.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
