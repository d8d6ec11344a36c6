/**
 * A small load balancer on loopback for several app instances (tests/e2e/instances.spec.ts,
 * `npm run bench:http -- --instances 2`): each request goes to the next instance in turn
 * (round-robin per request, no stickiness), headers and body passed through as they are, the
 * Host header included, so the app sees the proxy's origin as its own. It adds nothing to
 * X-Forwarded-For: the app's server (scripts/serve.mjs) appends the peer, here the proxy's
 * loopback address, as it would for a load balancer the app does not trust (TRUSTED_PROXY_HOPS=0).
 *
 * `pin(i)` sends every request to instance i until `pin(null)`, for a test that must know which
 * instance rendered a page and which received its form; `log` says which one answered each request.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ProxiedRequest = { method: string; path: string; instance: number; status: number };

export type RoundRobinProxy = {
  url: string;
  port: number;
  log: ProxiedRequest[];
  pin(instance: number | null): void;
  close(): Promise<void>;
};

export async function startRoundRobinProxy(
  targets: string[],
  { port = 0, keepLog = true }: { port?: number; keepLog?: boolean } = {},
): Promise<RoundRobinProxy> {
  if (targets.length === 0) throw new Error("no instances to balance");
  const upstreams = targets.map((t) => new URL(t));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const log: ProxiedRequest[] = [];
  let next = 0;
  let pinned: number | null = null;

  const server = http.createServer((req, res) => {
    const instance = pinned ?? next++ % upstreams.length;
    const upstream = upstreams[instance]!;
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        if (keepLog)
          log.push({ method: req.method ?? "GET", path: req.url ?? "/", instance, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end("Bad gateway\n");
    });
    req.pipe(forward);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    log,
    pin(i) {
      if (i !== null && (i < 0 || i >= upstreams.length)) throw new Error(`no instance ${i}`);
      pinned = i;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
