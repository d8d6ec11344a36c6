/**
 * Starts the job worker (scripts/worker.ts) as a child process with the app's environment: a
 * process of its own, as in production, so a slow job never holds up a page. It needs the
 * react-server condition, as the app's modules are `server-only`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./local-db";

export function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts", "worker.ts")],
    { cwd: ROOT, env, stdio: "inherit" },
  );
}
