/*
 * A name's sound key, for the duplicate check (issue 17: two records of one person must be found
 * before they can be merged). The same person is written down differently by three agencies and
 * by the person: Mohammed, Muhammad, Mohamed and Mohammad; Ahmed and Ahmad; Yusuf, Jusuf and
 * Youssef; Karlsson, Carlsson and Karlson; Eriksson and Ericson. Transliterations from Arabic,
 * Somali, Kurdish and Persian mostly differ in their vowels and in doubled or alternative
 * consonant letters, so the key keeps the consonants, spelt one way, and marks only where a vowel
 * was. The key is coarse by design (Lind and Land share one, as do Omar and Amir): it is used together with the birth
 * date, and what it finds is shown to the user to decide, never merged by itself.
 */

/** Letter groups written differently for one sound, in the order they are replaced. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/ph/g, "f"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/kh/g, "k"],
  [/gh/g, "g"],
  [/ck/g, "k"],
  [/c(?=[eiy])/g, "s"],
  [/c/g, "k"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/z/g, "s"],
  [/w/g, "v"],
  // At the start of a name before a vowel, y and j are one sound (Yusuf, Jusuf); inside a name a
  // y is a vowel (Zakariya, Zakaria).
  [/^y(?=[aeiou])/, "j"],
];

/** One name's key: lower case without diacritics, one spelling per sound, no doubled letters, vowels as "a". */
export function nameKey(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  let key = plain;
  for (const [pattern, replacement] of SPELLINGS) key = key.replace(pattern, replacement);
  return key
    .replace(/(.)\1+/g, "$1")
    .replace(/[aeiouy]+/g, "a")
    .replace(/(.)\1+/g, "$1");
}

/** Whether two people's names may be the same person's: each name's key alike, in either order of the names. */
export function namesAlike(a: { firstName: string; lastName: string }, b: { firstName: string; lastName: string }) {
  const [af, al, bf, bl] = [a.firstName, a.lastName, b.firstName, b.lastName].map(nameKey);
  return (af === bf && al === bl) || (af === bl && al === bf);
}
