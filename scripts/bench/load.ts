import autocannon from "autocannon";

/* One load run: `connections` keep-alive connections for `duration` seconds, after a short warm-up. */
export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; meanMs: number; requests: number; non2xx: number; errors: number };

export async function load(url: string, options: { cookie?: string; connections: number; duration: number }): Promise<LoadResult> {
  const headers = options.cookie ? { cookie: options.cookie } : undefined;
  await autocannon({ url, connections: options.connections, duration: 2, headers });
  const r = await autocannon({ url, connections: options.connections, duration: options.duration, headers, timeout: 30 });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors, ${r.timeouts} timeouts under load`);
  return { requestsPerSecond: r["2xx"] / r.duration, p50: r.latency.p50, p99: r.latency.p99, meanMs: r.latency.mean, requests: r["2xx"], non2xx: r.non2xx, errors: r.errors };
}
