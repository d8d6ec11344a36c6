/**
 * Turns what a coordinator types into the search box into index-friendly conditions:
 *  - words (names, aliases) → lower-case word prefixes, matched against Person.searchText by the
 *    trigram index (`searchText LIKE '% word%'`);
 *  - personnummer in any form a person types – 12 or 10 digits, with or without `-`/`+`, or only
 *    the start of one ("900101", "19900101-12") – → prefixes of the stored 12 digits, matched as a
 *    range on the (siteId, identityNumber) index. A 10-digit form does not say its century, so
 *    both plausible centuries are tried; the birth date alone also finds people with a
 *    samordningsnummer (day + 60) or without a number.
 */

export type PeopleSearch = {
  /** lower-case word prefixes, all of which must match */
  words: string[];
  /** each numeric token: prefixes of the 12-digit number, any of which may match */
  numbers: { prefixes: string[]; birthDates: string[] }[];
  /** a token that looked like a number but cannot be one: nothing can match */
  impossible: boolean;
};

const MAX_WORDS = 4;
const MAX_WORD_LENGTH = 40;
/** A number search needs at least the birth date (YYMMDD): fewer digits would match half the register. */
const MIN_DATE_DIGITS = 6;

const NUMBER_TOKEN = /^(\d+)(?:([-+])(\d{0,4}))?$/;

export function parsePeopleSearch(input: string): PeopleSearch {
  const out: PeopleSearch = { words: [], numbers: [], impossible: false };
  const text = input.trim();
  if (!text) return out;

  // "900101 1234": a number typed with a space.
  const compact = text.replace(/\s+/g, "");
  if (/^\d{6,8}[-+]?\d{4}$/.test(compact) && /\s/.test(text)) return withNumber(out, compact);

  for (const token of text.split(/\s+/)) {
    if (/^\d/.test(token)) {
      withNumber(out, token);
      continue;
    }
    // Hyphens break words as in the stored text; LIKE wildcards are not the user's to use.
    for (const word of token
      .toLocaleLowerCase("sv-SE")
      .replace(/[%_\\]/g, "")
      .split("-")) {
      if (word && out.words.length < MAX_WORDS && !out.words.includes(word))
        out.words.push(word.slice(0, MAX_WORD_LENGTH));
    }
  }
  return out;
}

function withNumber(out: PeopleSearch, token: string): PeopleSearch {
  const candidates = identityNumberCandidates(token);
  if (!candidates) out.impossible = true;
  else out.numbers.push(candidates);
  return out;
}

/** The 12-digit prefixes (and birth dates) a typed, possibly partial, personnummer may stand for. */
export function identityNumberCandidates(token: string): { prefixes: string[]; birthDates: string[] } | null {
  const m = NUMBER_TOKEN.exec(token);
  if (!m) return null;
  const [, digits = "", sign, tail = ""] = m;
  let prefixes: string[];
  if (sign) {
    if (digits.length === 8) prefixes = [digits + tail];
    // `+` marks someone 100 or older; `-` someone younger.
    else if (digits.length === 6) prefixes = (sign === "+" ? ["18", "19"] : ["19", "20"]).map((c) => c + digits + tail);
    else return null;
  } else {
    if (digits.length < MIN_DATE_DIGITS || digits.length > 12) return null;
    prefixes = [];
    if (/^(18|19|20)/.test(digits)) prefixes.push(digits);
    if (digits.length <= 10) prefixes.push(`19${digits}`, `20${digits}`);
  }
  prefixes = [...new Set(prefixes.filter(isPlausible))];
  if (prefixes.length === 0) return null;
  // A date with nothing after it: also the birth date (samordningsnummer, or no number known).
  const dateOnly = tail === "" && (digits.length === 6 || digits.length === 8);
  const birthDates = dateOnly
    ? prefixes
        .filter((p) => p.length === 8)
        .map(birthDateOf)
        .filter((d): d is string => d !== null)
    : [];
  return { prefixes, birthDates };
}

/** The month and day digits typed so far could belong to a real number (day + 60: samordningsnummer). */
function isPlausible(prefix: string): boolean {
  if (prefix.length > 12) return false;
  if (prefix.length >= 5 && !"01".includes(prefix[4]!)) return false;
  if (prefix.length >= 6) {
    const month = Number(prefix.slice(4, 6));
    if (month < 1 || month > 12) return false;
  }
  if (prefix.length >= 7 && !"012367789".includes(prefix[6]!)) return false;
  if (prefix.length >= 8) {
    const day = Number(prefix.slice(6, 8));
    if (!((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return false;
  }
  return true;
}

function birthDateOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const mo = Number(yyyymmdd.slice(4, 6));
  let d = Number(yyyymmdd.slice(6, 8));
  if (d > 60) d -= 60;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
