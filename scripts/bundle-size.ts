/**
 * First-load JavaScript per page, from the production build's own manifests (run `next build`
 * first): the files a browser with an empty cache fetches to show each page, gzipped as the server
 * sends them, summed per page, against the targets. Exits 1 when a page misses its target.
 *
 *   npm run bundle:size [-- --files]     (--files: each page's files, largest first)
 *
 * What Next.js 16.4 (Turbopack) writes, and what is read from it:
 * - `.next/build-manifest.json#rootMainFiles`: the runtime every page loads (React, the router).
 *   `polyfillFiles` are left out: they are `<script nomodule>`, which no current browser fetches.
 * - `.next/server/app-paths-manifest.json`: every App Router entry; the pages are the `…/page` ones.
 * - `.next/server/app/<page>_client-reference-manifest.js`: `entryJSFiles`, for each segment of
 *   that page (layouts, the page, error, loading, template, not-found and global-error files), the
 *   chunks its client components need; `clientModules`, for each client component, the chunks the
 *   browser loads when the page's RSC payload names it.
 * The server writes a `<script async>` for the chunks of each layout, page, error, loading and
 * template file (next/dist/server/app-render/create-component-tree.js) and none for a not-found
 * file: the browser loads a not-found chunk only when a client component in the payload maps to
 * it (seen in Chromium: with `(app)/not-found.tsx` in the tree, the root not-found's copy of
 * next/link is never fetched). Chunks a client component loads later with `import()` are in neither.
 *
 * The sum was checked against Chromium once (README, Performance): the JavaScript transferred on
 * an empty-cache load of the page, gzip as served by `npm start`.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT = path.join(ROOT, ".next");

/** kB as the browser's devtools and Next.js count them: 1,000 bytes, gzip. */
const KB = 1000;
// Issue 13: every page ≤ 140 kB, the dashboard (its charts) ≤ 220 kB.
const TARGETS: Record<string, number> = { "/dashboard": 220 * KB };
const DEFAULT_TARGET = 140 * KB;

type ClientReferenceManifest = {
  entryJSFiles?: Record<string, string[]>;
  clientModules?: Record<string, { chunks: string[] }>;
};

/** Boundaries whose chunks the server does not write as script tags. */
const NO_SCRIPT_TAGS = /\/(not-found|forbidden|unauthorized)$/;

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** `/(app)/people/[id]/page` → `/people/[id]`: the address a user types (route groups are not in it). */
export function routeOf(entry: string): string {
  const route = entry
    .replace(/\/page$/, "")
    .split("/")
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part))
    .join("/");
  return `/${route}`;
}

/** The manifest is a script that assigns `globalThis.__RSC_MANIFEST[entry]`; run it in a sandbox. */
function clientReferenceManifest(file: string, entry: string): ClientReferenceManifest {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(readFileSync(file, "utf8"), { globalThis: sandbox });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`${path.relative(ROOT, file)} does not describe ${entry}`);
  return manifest;
}

const gzipCache = new Map<string, number>();
/** Bytes on the wire: zlib's default level, the one Next.js's `compress` uses. */
function gzipped(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

export type PageSize = { route: string; files: string[]; bytes: number; target: number };

export function firstLoadSizes(): PageSize[] {
  const build = readJson<{ rootMainFiles: string[] }>(path.join(NEXT, "build-manifest.json"));
  const entries = readJson<Record<string, string>>(path.join(NEXT, "server", "app-paths-manifest.json"));
  const pages: PageSize[] = [];
  for (const [entry, bundle] of Object.entries(entries)) {
    if (!entry.endsWith("/page")) continue; // route handlers (CSV, health) load no JavaScript
    const manifestFile = path.join(NEXT, "server", bundle.replace(/\.js$/, "_client-reference-manifest.js"));
    const manifest = clientReferenceManifest(manifestFile, entry);
    const segments = Object.entries(manifest.entryJSFiles ?? {});
    const referenced = new Set(
      Object.values(manifest.clientModules ?? {}).flatMap((m) => m.chunks.map((c) => c.replace(/^\/_next\//, ""))),
    );
    const files = [
      ...new Set([
        ...build.rootMainFiles,
        ...segments.filter(([segment]) => !NO_SCRIPT_TAGS.test(segment)).flatMap(([, chunks]) => chunks),
        ...segments
          .filter(([segment]) => NO_SCRIPT_TAGS.test(segment))
          .flatMap(([, chunks]) => chunks.filter((chunk) => referenced.has(chunk))),
      ]),
    ];
    const route = routeOf(entry);
    const bytes = files.reduce((sum, file) => sum + gzipped(file), 0);
    pages.push({ route, files, bytes, target: TARGETS[route] ?? DEFAULT_TARGET });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;

function main() {
  if (!existsSync(path.join(NEXT, "BUILD_ID"))) {
    console.error("No production build in .next/: run `npm run build` first.");
    process.exit(2);
  }
  const pages = firstLoadSizes();
  const showFiles = process.argv.includes("--files");
  const width = Math.max(...pages.map((p) => p.route.length), "page".length);
  console.log(`${"page".padEnd(width)}  first-load JS (gzip)  target     result`);
  let missed = 0;
  for (const page of pages) {
    const met = page.bytes <= page.target;
    if (!met) missed++;
    console.log(
      `${page.route.padEnd(width)}  ${kb(page.bytes).padStart(20)}  ${`≤ ${kb(page.target)}`.padEnd(9)}  ${met ? "met" : "MISSED"}`,
    );
    if (showFiles)
      for (const file of [...page.files].sort((a, b) => gzipped(b) - gzipped(a)))
        console.log(`${"".padEnd(width)}    ${kb(gzipped(file)).padStart(9)}  ${file}`);
  }
  const shared = pages.map((p) => new Set(p.files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));
  const sharedBytes = [...shared].reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`\nshared by all ${pages.length} pages: ${kb(sharedBytes)} in ${shared.size} files`);
  console.log(missed ? `${missed} page(s) over target` : "every page within its target");
  process.exit(missed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
