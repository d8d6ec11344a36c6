import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import sv from "@/messages/sv";
import en from "@/messages/en";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-messages";

/*
 * The browser gets only CLIENT_NAMESPACES of the catalogue (app/layout.tsx): a client component
 * reading another namespace would show raw keys. So the list is what the code's hooks read, no
 * more and no less, and every hook names its namespace literally.
 */

const ROOT = path.resolve(__dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const sources = ["app", "components", "lib", "i18n"].flatMap((d) => filesUnder(path.join(ROOT, d)));

it("gives the browser exactly the namespaces that the client-side hooks read", () => {
  const used = new Set<string>();
  const unnamed: string[] = [];
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    for (const call of text.matchAll(/\b(useTranslations|useMessages)\s*\(([^)]*)\)/g)) {
      const literal = call[1] === "useTranslations" ? /^\s*"([^"]+)"\s*$/.exec(call[2]!) : null;
      if (literal) used.add(literal[1]!.split(".")[0]!);
      else unnamed.push(`${path.relative(ROOT, file)}: ${call[0]}`);
    }
  }
  expect(unnamed, "hooks that read the catalogue without a literal namespace").toEqual([]);
  expect([...CLIENT_NAMESPACES].sort()).toEqual([...used].sort());
});

it.each([
  ["sv", sv],
  ["en", en],
])("finds every client namespace in the %s catalogue", (_locale, messages) => {
  const picked = clientMessages(messages);
  expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
  expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length);
});
