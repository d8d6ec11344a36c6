// @ts-check
/**
 * The app's HTTP server, for `npm start`, `npm run dev` (scripts/start.ts) and the end-to-end
 * tests (scripts/e2e-server.ts): Next.js's documented custom server (`next({ dev, hostname, port })`,
 * `getRequestHandler()`) instead of `next start`, for one reason. Next.js gives app code no socket
 * address, and `next start` copies the peer into X-Forwarded-For only when the header is absent, so
 * with no proxy in front a client's own header became the audited address and the per-address
 * sign-in throttle's key. This server appends the peer to the header on every request, as a proxy
 * does (scripts/lib/forwarded-for.mjs); with TRUSTED_PROXY_HOPS=0 the app takes that last entry.
 *
 * What `next start` did is kept: --port (or PORT, default 3000), --hostname (all interfaces when
 * absent), production mode unless --dev, graceful shutdown on SIGTERM/SIGINT (stop accepting,
 * finish the requests in flight, close Next.js, exit 143/130), the dev server's HMR websocket.
 * Plain JavaScript so that no TypeScript loader runs in production: tsx added 1.2–2 s to the
 * start (measured here: first response 2.2–2.6 s like `next start`, 3.8–4.5 s under tsx).
 *
 *   node scripts/serve.mjs [--dev] [--port 3000] [--hostname 0.0.0.0]
 */
import http from "node:http";
import { appendPeer } from "./lib/forwarded-for.mjs";

/** @param {string} name */
const argument = (name) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};

/** How long a shutdown waits for requests in flight before closing their connections. */
const DRAIN_MS = 10_000;

async function main() {
  const started = Date.now();
  const dev = process.argv.includes("--dev");
  const port = Number(argument("--port") ?? process.env.PORT ?? 3000);
  const hostname = argument("--hostname");
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port: ${argument("--port") ?? process.env.PORT}`);
  // React and Next.js pick their production or development builds when first loaded.
  process.env.NODE_ENV ??= dev ? "development" : "production";
  const { default: next } = await import("next");

  const server = http.createServer();
  const app = next({ dev, hostname: hostname ?? "localhost", port, dir: process.cwd(), httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  server.on("request", (req, res) => {
    req.headers["x-forwarded-for"] = appendPeer(req.headers["x-forwarded-for"], req.socket.remoteAddress);
    handle(req, res).catch((/** @type {unknown} */ error) => {
      // Next.js answers its own errors; this is only for a failure of the handler itself.
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internt serverfel.\n");
    });
  });

  let stopping = false;
  /** @param {"SIGINT" | "SIGTERM"} signal */
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    const drained = new Promise((resolve) => server.close(() => resolve(undefined)));
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    void drained
      .then(() => app.close())
      .catch((/** @type {unknown} */ error) => console.error(error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  console.log(
    `Samverkan ${dev ? "(dev) " : ""}ready on http://${hostname ?? "localhost"}:${port} in ${Date.now() - started} ms`,
  );
}

main().catch((/** @type {unknown} */ error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
