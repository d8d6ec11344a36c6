import { z } from "zod";

/*
 * Every zod schema exported by a lib/<domain>/schemas.ts, found by the file system rather than by
 * a list, so a schema (or a domain) added later is covered by the tests that use this without
 * anyone adding it. Shared by tests/unit/schema-hostile-input.test.ts and the action fuzz test.
 */

// Vite resolves the pattern when the tests are transformed: every schemas.ts under lib/, eagerly.
const modules = import.meta.glob<Record<string, unknown>>("/lib/**/schemas.ts", { eager: true });

export type ExportedSchema = { file: string; name: string; schema: z.ZodType };

export function exportedSchemas(): ExportedSchema[] {
  return Object.entries(modules).flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .map(([name, schema]) => ({ file, name, schema })),
  );
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The fields of an object schema, through the wrappers a form schema has: refinements (which
 * stay on the object), a preprocess or a transform (a pipe), optional, default, catch, readonly.
 */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(schema);
  if (def.type === "object") return (schema as z.ZodObject).shape;
  if (def.type === "pipe") return (def.out && objectShape(def.out)) ?? (def.in && objectShape(def.in)) ?? null;
  if (def.innerType) return objectShape(def.innerType);
  return null;
}

/** Every field name any exported object schema knows (the names a hostile form would fill). */
export function allSchemaKeys(): string[] {
  return [...new Set(exportedSchemas().flatMap(({ schema }) => Object.keys(objectShape(schema) ?? {})))].sort();
}
