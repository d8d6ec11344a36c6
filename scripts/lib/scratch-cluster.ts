/**
 * A throwaway PostgreSQL server of its own (own data folder, own free port) for tests that stop
 * and start the server, so they never disturb the shared test cluster other tests are using.
 */
import { randomBytes } from "node:crypto";
import { appendFile, mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { embeddedPostgresHome } from "./embedded-postgres";
import { DATA_DIR, ROOT } from "./local-db";

export type ScratchCluster = {
  /** URL of the cluster's `samverkan` database (created). */
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its files. */
  destroy(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startScratchCluster(name: string): Promise<ScratchCluster> {
  const { EmbeddedPostgres, dataRoot } = await embeddedPostgresHome(ROOT, DATA_DIR);
  const dir = path.join(dataRoot, "scratch", `${name}-${randomBytes(4).toString("hex")}`);
  await mkdir(path.dirname(dir), { recursive: true });
  const port = await freePort();
  const password = randomBytes(12).toString("base64url");
  const logFile = `${dir}.log`;
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC", "-c", "fsync=off"],
    onLog: (message: string) => void appendFile(logFile, message).catch(() => {}),
    onError: (error: unknown) => void appendFile(logFile, `[ERROR] ${String(error)}\n`).catch(() => {}),
  });
  await server.initialise();
  await server.start();
  await server.createDatabase("samverkan");
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/samverkan`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    destroy: async () => {
      await server.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
      await rm(logFile, { force: true });
    },
  };
}
