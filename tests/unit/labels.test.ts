import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { labelledLists } from "@/lib/labels";

// One label per code, defined once: a status that had four Swedish names on four pages is the
// failure this prevents (issue 12). The catalogues are read as files, so a second label map in
// any area file is found wherever it is nested.
type Tree = { [key: string]: string | Tree };
const LOCALES = ["sv", "en"] as const;
const read = (locale: string, file: string) =>
  JSON.parse(readFileSync(path.resolve("messages", locale, file), "utf8")) as Tree;
const areaFiles = (locale: string) => readdirSync(path.resolve("messages", locale)).filter((f) => f.endsWith(".json"));

const lists = labelledLists();
const allCodes = new Set(lists.flatMap((l) => l.codes));

describe.each(LOCALES)("messages/%s", (locale) => {
  const enums = read(locale, "enums.json");

  it("labels every code of every list a user sees, in enums.json, and nothing else there", () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const { namespace, source, codes } of lists) {
      const labels = (enums[namespace] ?? {}) as Tree;
      for (const code of codes)
        if (typeof labels[code] !== "string" || !labels[code]) missing.push(`${source}: ${code}`);
      for (const key of Object.keys(labels)) if (!codes.includes(key)) extra.push(`${namespace}.${key}`);
    }
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(Object.keys(enums).sort()).toEqual(lists.map((l) => l.namespace).sort());
  });

  it("names no code anywhere else in the catalogues", () => {
    const elsewhere: string[] = [];
    const walk = (tree: Tree, at: string) => {
      for (const [key, value] of Object.entries(tree)) {
        if (allCodes.has(key)) elsewhere.push(`${at}.${key}`);
        if (typeof value === "object") walk(value, `${at}.${key}`);
      }
    };
    for (const file of areaFiles(locale).filter((f) => f !== "enums.json")) walk(read(locale, file), file);
    expect(elsewhere).toEqual([]);
  });

  it("gives an agency one name in every list that names agencies", () => {
    const names = new Map<string, Set<string>>();
    for (const { namespace, codes } of lists)
      for (const code of codes.filter((c) => ["POLICE", "SOCIAL", "PROBATION"].includes(c)))
        names.set(code, (names.get(code) ?? new Set()).add((enums[namespace] as Tree)[code] as string));
    for (const [code, set] of names) expect([...set], code).toHaveLength(1);
  });
});

it("uses none of the words the same Swedish codes used to have on other pages", () => {
  // Each was a second name for a code that has one label now (the referral status's Anmäld,
  // Remitterad, Hänvisad; Kontakt tagen; Slutförd, Fullföljt; a call-in's Kallad, Närvarade; …).
  const RETIRED =
    /\b(Anmäld|Remitterad|Hänvisad|Kontakt tagen|Slutförd|Fullföljt|Avböjd|Kallad|Närvarade|Pågående|Egen ansökan|Brottsoffer)\b/u;
  const found: string[] = [];
  const walk = (tree: Tree, at: string) => {
    for (const [key, value] of Object.entries(tree))
      if (typeof value === "object") walk(value, `${at}.${key}`);
      else if (RETIRED.test(value)) found.push(`${at}.${key}: ${value}`);
  };
  for (const file of areaFiles("sv")) walk(read("sv", file), file);
  expect(found).toEqual([]);
});

describe("enumOptions, the one way a form or filter offers codes", () => {
  it("keeps the list's order and gives each code its label", async () => {
    const { enumOptions } = await import("@/lib/labels");
    expect(enumOptions(["B", "A"] as const, (code) => `label ${code}`)).toEqual([
      { value: "B", label: "label B" },
      { value: "A", label: "label A" },
    ]);
  });

  it("is used by every page and component: none maps codes to options by hand", () => {
    const byHand = /\.map\(\((\w+)\) => \(\{ value(?:: \1)?, label: \w+\(\1\) \}\)\)/;
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && byHand.test(readFileSync(file, "utf8"))) found.push(file);
      }
    };
    for (const dir of ["app", "components"]) walk(path.resolve(dir));
    expect(found).toEqual([]);
  });
});
