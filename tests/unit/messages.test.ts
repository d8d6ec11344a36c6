import { expect, it } from "vitest";
import en from "@/messages/en";
import sv from "@/messages/sv";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

it("has every Swedish message in English too, and no English-only keys", () => {
  const svKeys = keys(sv).sort();
  const enKeys = keys(en).sort();
  expect(enKeys.filter((k) => !svKeys.includes(k))).toEqual([]);
  expect(svKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
});

it("has no empty messages", () => {
  const empty = (catalog: object) =>
    keys(catalog).filter(
      (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) === "",
    );
  expect(empty(sv)).toEqual([]);
  expect(empty(en)).toEqual([]);
});
