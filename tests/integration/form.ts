/** FormData as a browser sends it: repeated keys for lists. */
export function form(fields: Record<string, string | string[] | number>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) fd.append(key, String(v));
  return fd;
}
