import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// messages/<locale>/index.ts spreads the area files into one object: two areas with the same
// top-level namespace would silently drop one of them. Areas are written in parallel, so check.
it.each(["sv", "en"])("gives every namespace in messages/%s to one area file only", (locale) => {
  const dir = path.resolve("messages", locale);
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    for (const namespace of Object.keys(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as object)) {
      if (owner.has(namespace)) clashes.push(`${namespace}: ${owner.get(namespace)} and ${file}`);
      owner.set(namespace, file);
    }
  }
  expect(clashes).toEqual([]);
  // Every area file is registered in index.ts.
  const index = readFileSync(path.join(dir, "index.ts"), "utf8");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) expect(index, file).toContain(`./${file}`);
});
