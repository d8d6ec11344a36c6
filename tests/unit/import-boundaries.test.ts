import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The factories (prisma/factories) write records without the app's access rules and without an
 * audit event, with a cheap password hash: the app must never reach them, however indirectly
 * named. And nothing that ships or seeds (the app, the seed, the scripts) may import test code
 * (docs/decisions/011-one-fixture-library.md). Reads every import of the source.
 */

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(tsx?|mts|mjs)$/.test(name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** What each import, export … from, dynamic import() or require() of `file` names, resolved against the repository. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g),
    ...source.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [rel(path.resolve(path.dirname(file), s))];
    return [];
  });
}

const under = (dirs: string[]) =>
  dirs.flatMap((d) => {
    const full = path.join(ROOT, d);
    if (!existsSync(full)) return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });

const offenders = (files: string[], forbidden: RegExp) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.test(target))
      .map((t) => `${rel(file)} → ${t}`),
  );

const APP = ["app", "components", "lib", "i18n", "proxy.ts", "instrumentation.ts"];

describe("import boundaries", () => {
  it("the resolver sees the imports it is meant to see", () => {
    expect(importsOf(path.join(ROOT, "prisma", "seed", "demo.ts"))).toContain("prisma/factories");
    expect(importsOf(path.join(ROOT, "tests", "integration", "fixtures.ts"))).toContain("prisma/factories");
    expect(under(APP).length).toBeGreaterThan(100);
  });

  it("the app never imports the factories or test code", () => {
    expect(offenders(under(APP), /^(prisma\/factories|tests)(\/|$)/)).toEqual([]);
  });

  it("the seed, the factories and the scripts never import test code", () => {
    expect(offenders(under(["prisma", "scripts"]), /^tests(\/|$)/)).toEqual([]);
  });
});
