/*
 * A bare Node HTTP server for the page benchmark's static comparison: serves
 * each page's own HTML, read once into memory, at /<name>. No framework, no
 * compression, no per-request work. Started as a child process so it does not
 * share the load generator's thread.
 *
 *   node scripts/bench/static-server.mjs PORT DIR   (DIR holds NAME.html files)
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const [port, dir] = process.argv.slice(2);
const pages = new Map(
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .map((f) => [`/${path.basename(f, ".html")}`, fs.readFileSync(path.join(dir, f))]),
);

http
  .createServer((request, response) => {
    const body = pages.get(request.url);
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    response.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("ready"));
