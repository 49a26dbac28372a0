import { load } from "./bench/load";
import { signIn, startServer } from "./bench/server";
async function main() {
  const [db, dir, url, email] = process.argv.slice(2);
  const server = await startServer(3107, { dataDir: dir!, databasePath: db!, nodeArgs: ["--cpu-prof", "--cpu-prof-dir=/tmp/prof-next"] });
  const cookie = await signIn(server.origin, email!, "trellis-demo-2026");
  const r = await load(server.origin + url, { cookie, connections: 10, duration: 10 });
  console.log(url, r);
  await server.stop();
}
main();
