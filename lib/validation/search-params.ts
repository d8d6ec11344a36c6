import type { z } from "zod";
import { hasForbiddenCharacters } from "./fields";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A list page's search parameters (a GET form's URL) through its schema, with the parameters that
 * hold characters no form may carry (NUL, other control characters: lib/validation/fields.ts)
 * left out first, whatever the schema says of them: a NUL in `?q=` used to reach PostgreSQL,
 * which refuses it (a 500). `invalid` names them, so the page can say so next to the field.
 */
export function parseSearchParams<S extends z.ZodType>(
  schema: S,
  params: SearchParams,
): { query: z.output<S>; invalid: string[] } {
  const invalid: string[] = [];
  const clean: SearchParams = {};
  for (const [key, value] of Object.entries(params)) {
    if ([value ?? []].flat().some(hasForbiddenCharacters)) invalid.push(key);
    else clean[key] = value;
  }
  return { query: schema.parse(clean), invalid };
}
