/**
 * More instances of the production build (.next) on one database, as behind a load balancer:
 * each the app's own server (scripts/serve.mjs, what `npm start` runs) on a free loopback port,
 * started in parallel, each with the same environment (secrets, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
 * SAMVERKAN_DEPLOYMENT_ID). For tests/e2e/instances.spec.ts and `npm run bench:http -- --instances`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./local-db";
import { freePort } from "./scratch-cluster";

export type Instances = { urls: string[]; pids: number[]; output: string[][]; stop(): Promise<void> };

const SERVE = path.join(ROOT, "scripts", "serve.mjs");

async function healthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the instance at ${url} exited with ${child.exitCode}`);
    const status = await fetch(`${url}/api/health`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the instance at ${url} did not answer /api/health within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("close", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startInstances(
  count: number,
  env: NodeJS.ProcessEnv,
  { timeoutMs = 90_000 }: { timeoutMs?: number } = {},
): Promise<Instances> {
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const output: string[][] = ports.map(() => []);
  const children = ports.map((port, i) => {
    const child = spawn(process.execPath, [SERVE, "--port", String(port), "--hostname", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout!, child.stderr!])
      stream.on("data", (chunk: Buffer) => {
        // The last lines only, for a failure's message: a bench's instances log every request.
        const lines = output[i]!;
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        if (lines.length > 200) lines.splice(0, lines.length - 200);
      });
    return child;
  });
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    await Promise.all(urls.map((url, i) => healthy(url, children[i]!, timeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, pids: children.map((c) => c.pid!), output, stop };
}
