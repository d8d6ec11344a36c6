import { describe, expect, it } from "vitest";
import { exportedSchemas, objectShape } from "../schema-fields";

/*
 * Generated from every zod schema a lib/<domain>/schemas.ts exports: each field of each object
 * schema, parsed on its own, must never hand on a NUL (PostgreSQL's text cannot hold it: a 500 or
 * an "unexpected" error further on) nor a number beyond an INTEGER column (2147483647). A new
 * schema, or a new field with a bare z.string() or an unbounded number, fails here by name.
 */

const INT4_MAX = 2_147_483_647;
const NUL = "abc\u0000def";
const HOSTILE: [string, unknown][] = [
  ["a NUL in a string", NUL],
  ["a NUL at the start", "\u0000"],
  ["a NUL in a list", [NUL]],
  ["2147483648 as text", "2147483648"],
  ["2147483648 as a number", 2147483648],
  ["99999999999999999999 as text", "99999999999999999999"],
  ["2147483648 in a list", ["2147483648"]],
  ["1e10 as text", "1e10"],
];

/** Where in a parsed value something hostile came out, or null. */
function hostileIn(value: unknown, path = "$"): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? `${path} holds a NUL` : null;
  if (typeof value === "number") return value > INT4_MAX || value < -INT4_MAX - 1 ? `${path} is ${value}` : null;
  if (typeof value === "bigint") return `${path} is a bigint ${value}`;
  if (value instanceof Date || value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = hostileIn(inner, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

const schemas = exportedSchemas();
const fields = schemas.flatMap(({ file, name, schema }) =>
  Object.entries(objectShape(schema) ?? {}).map(([key, field]) => ({
    label: `${file.replace(/^\/lib\//, "")} ${name}.${key}`,
    field,
  })),
);

describe("every exported schema refuses NUL and numbers beyond INTEGER", () => {
  it("finds the schemas and their fields", () => {
    expect(schemas.length).toBeGreaterThan(40);
    expect(fields.length).toBeGreaterThan(150);
  });

  it.each(fields)("$label", ({ label, field }) => {
    for (const [what, input] of HOSTILE) {
      const parsed = field.safeParse(input);
      const found = parsed.success ? hostileIn(parsed.data) : null;
      expect(found, `${label} with ${what}: ${found}`).toBeNull();
    }
  });
});
