/*
 * The one rule for every redirect to a path that came from the user (`?next=` after signing in,
 * the caseload gate's way back). Browsers strip tab, CR and LF from URLs and read "\" as "/", so
 * "/\t/evil.test" and "/\\evil.test" become "//evil.test", another host; a CR or LF in a Location
 * header is refused by Node (a 500 after the session was opened). Checking prefixes of the raw
 * text missed both. Instead: refuse control characters and backslashes in the text and in every
 * percent-decoded form of it, refuse "//" at the start of any of them, and let the WHATWG URL
 * parser (what the browser will run) confirm that the result stays on this origin.
 */

/** Longer than any path the app makes (a list's filters): anything longer is not ours. */
export const MAX_SAME_SITE_PATH_LENGTH = 2000;

// C0 controls, DEL and C1 controls (U+0085 NEL among them), and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const BASE = "http://x.invalid";

/** %XX runs as UTF-8, invalid sequences as U+FFFD: unlike decodeURIComponent it never throws. */
function percentDecode(value: string): string {
  return value.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    new TextDecoder().decode(Uint8Array.from(run.match(/%../g)!, (h) => parseInt(h.slice(1), 16))),
  );
}

/**
 * `value` as a path on this site (path, query and fragment as the URL parser normalised them), or
 * null when it is anything else: not a string, too long, another origin or scheme, a
 * protocol-relative or backslashed path, or one holding control characters raw or encoded.
 */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_SAME_SITE_PATH_LENGTH) return null;
  // Every form a decoder on the way (the browser, a proxy, Next.js's router) might see.
  let form = value;
  for (let round = 0; round < 4; round++) {
    if (FORBIDDEN.test(form) || !form.startsWith("/") || form.startsWith("//")) return null;
    const decoded = percentDecode(form);
    if (decoded === form) break;
    form = decoded;
  }
  if (form !== percentDecode(form)) return null; // still encoded after four rounds: nobody types that
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : null;
}
