import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./local-db";

const PRISMA_BIN = path.join(ROOT, "node_modules", "prisma", "build", "index.js");

export type RunResult = { code: number; output: string };

/**
 * Runs the Prisma CLI against `databaseUrl`. Prisma wants DATABASE_URL even for `generate`
 * (otherwise it tries to download a query engine), so a placeholder is given when none is needed.
 */
export function runPrisma(
  args: string[],
  databaseUrl: string,
  opts: { quiet?: boolean; cwd?: string } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        PRISMA_DISABLE_WARNINGS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!opts.quiet) process.stdout.write(chunk);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

export async function runPrismaOrThrow(
  args: string[],
  databaseUrl: string,
  opts: { quiet?: boolean; cwd?: string } = {},
): Promise<string> {
  const result = await runPrisma(args, databaseUrl, opts);
  if (result.code !== 0) {
    if (opts.quiet) process.stderr.write(result.output);
    throw new Error(`prisma ${args.join(" ")} failed (exit ${result.code})`);
  }
  return result.output;
}

export const PLACEHOLDER_URL = "postgresql://placeholder@127.0.0.1:1/placeholder";
