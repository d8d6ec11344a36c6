/**
 * FormData → plain object for zod. Fields listed in `arrays` are always arrays (checkbox groups,
 * multi-selects); other fields keep their last value. File inputs are ignored (no uploads here).
 */
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, string | string[]> {
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
