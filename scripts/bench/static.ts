import { fork } from "node:child_process";
import path from "node:path";

/* scripts/bench/static-server.mjs in a child process, serving DIR's NAME.html files at /NAME. */
export async function startStaticServer(port: number, dir: string) {
  const child = fork(path.join(process.cwd(), "scripts", "bench", "static-server.mjs"), [String(port), dir], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`static server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}
