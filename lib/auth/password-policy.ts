import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * The password policy (OWASP ASVS 2.1, NIST SP 800-63B 5.1.1.2): long enough, not common, not
 * made of the user's own address or the service's name. No composition rules (upper case,
 * digits, symbols): they make passwords harder to remember, not harder to guess. Any Unicode is
 * allowed, and nothing is truncated.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  "passwordTooShort" | "passwordTooLong" | "passwordCommon" | "passwordPersonal" | "passwordTooSimple";

let common: Set<string> | undefined;

/** The shipped list (lib/auth/common-passwords.txt), read once. Paths are relative to the app root. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((line) => line && !line.startsWith("#")),
  );
  return common;
}

function normalize(value: string): string {
  return value.normalize("NFKC").toLowerCase();
}

/** Words that make a password guessable for this user: the service and their own address. */
function personalWords(email: string | undefined): string[] {
  const words = ["samverkan", "slutaskjut", "sluta skjut"];
  if (email) {
    const [local = "", domain = ""] = normalize(email).split("@");
    words.push(...local.split(/[._+-]/), local, domain.split(".")[0] ?? "");
  }
  return words.filter((w) => w.length >= 4);
}

/** The first problem with `password`, or null when it may be used. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length; // code points: "å" is one character, as the user sees it
  if (length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const normalized = normalize(password);
  if (new Set(normalized).size < 5) return "passwordTooSimple"; // "aaaaaaaaaaaa", "abababababab"
  if (commonPasswords().has(normalized)) return "passwordCommon";
  if (personalWords(context.email).some((word) => normalized.includes(word))) return "passwordPersonal";
  return null;
}
