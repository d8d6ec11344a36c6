/**
 * FormData → plain object for zod. Fields listed in `arrays` are always arrays (checkbox groups,
 * multi-selects); other fields keep their last value. File inputs are ignored (no uploads here).
 * Anything that is not a FormData gives null: a server action is an endpoint, and a client can
 * call it with any serialisable argument (a string, a number, an object), which must be answered
 * as an unreadable form rather than thrown as a TypeError.
 */
export function formDataToObject(
  formData: unknown,
  arrays: readonly string[] = [],
): Record<string, string | string[]> | null {
  if (!(formData instanceof FormData)) return null;
  const out: Record<string, string | string[]> = {};
  for (const name of arrays) out[name] = [];
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (typeof value !== "string") continue;
    if (arrays.includes(key)) (out[key] as string[]).push(value);
    else out[key] = value;
  }
  return out;
}
