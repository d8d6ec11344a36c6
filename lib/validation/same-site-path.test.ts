import { describe, expect, it } from "vitest";
import { safeAccessNext } from "@/lib/caseload-gate/reasons";
import { safeNext } from "@/lib/auth/schemas";
import { sameSitePath } from "./same-site-path";

const id = "0193a1b2-0000-7000-8000-000000000001";

/*
 * Hostile values of `next` as the action receives them, i.e. after the browser's and the form's
 * own decoding ("%09" in a link arrives here as a tab). The labels say what a browser would make
 * of each when it followed a redirect to it.
 */
const HOSTILE: [string, unknown][] = [
  ["a tab after the slash (the browser strips it: //evil.test)", "/\t/evil.test/phish"],
  ["a line feed after the slash", "/\n/evil.test"],
  ["a carriage return after the slash", "/\r/evil.test"],
  ["CR LF inside (a header break in Location)", "/people\r\nSet-Cookie: x=1"],
  ["a vertical tab", "/people\u000b"],
  ["a NUL", "/people\u0000"],
  ["a DEL", "/people\u007f"],
  ["a C1 control (U+0085, NEL)", "/people\u0085"],
  ["a C1 control (U+009B)", "/people\u009b"],
  ["a tab, encoded once more", "/%09/evil.test"],
  ["a line feed, encoded once more", "/people%0D%0ALocation:%20//evil.test"],
  ["a NUL, encoded once more", "/people%00"],
  ["U+0085, encoded once more", "/people%C2%85"],
  ["a tab, encoded twice more", "/%2509/evil.test"],
  ["a backslash (the browser reads /)", "/\\evil.test"],
  ["a backslash later in the path", "/people/\\\\evil.test"],
  ["a backslash, encoded", "/%5Cevil.test"],
  ["a protocol-relative URL", "//evil.test"],
  ["three slashes", "///evil.test"],
  ["a slash encoded (//evil once decoded)", "/%2F/evil.test"],
  ["a slash encoded twice", "/%252F/evil.test"],
  ["a dot segment that resolves to //", "/.//evil.test"],
  ["an absolute https URL", "https://evil.test/phish"],
  ["an absolute URL of this scheme", "http://x.invalid/people"],
  ["a scheme without slashes", "https:evil.test"],
  ["javascript:", "javascript:alert(1)"],
  ["javascript: in capitals with a tab", "JAVA\tSCRIPT:alert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["a relative path", "people"],
  ["an empty string", ""],
  ["very long", `/people?q=${"a".repeat(5000)}`],
  ["not a string", ["/people"]],
  ["a number", 42],
  ["undefined", undefined],
  ["null", null],
];

describe("sameSitePath: the one rule for redirects to user-supplied paths", () => {
  it.each(HOSTILE)("refuses %s", (_label, value) => {
    expect(sameSitePath(value)).toBeNull();
  });

  it.each([
    ["/", "/"],
    ["/people", "/people"],
    ["/people?q=Anna%20Berg&page=2", "/people?q=Anna%20Berg&page=2"],
    [`/people/${id}/consent`, `/people/${id}/consent`],
    ["/people?q=100%25", "/people?q=100%25"],
    ["/groups#members", "/groups#members"],
  ])("keeps the path on this site %s", (value, expected) => {
    expect(sameSitePath(value)).toBe(expected);
  });

  it("hands back what the browser will request, not the raw text", () => {
    // The URL parser resolves dot segments; the redirect goes where the checks looked.
    expect(sameSitePath("/people/../admin/users")).toBe("/admin/users");
  });
});

describe("safeNext: where a sign-in lands", () => {
  it.each(HOSTILE)("goes to the start page for %s", (_label, value) => {
    expect(safeNext(value)).toBe("/");
  });

  it.each(["/login", "/login/verify", "/login?next=%2Fpeople", "/./login/enrol"])(
    "never back to the sign-in pages (%s)",
    (value) => {
      expect(safeNext(value)).toBe("/");
    },
  );

  it("keeps a path on this site", () => {
    expect(safeNext("/people?q=a")).toBe("/people?q=a");
    expect(safeNext("/dashboard")).toBe("/dashboard");
  });
});

describe("safeAccessNext uses the same rule", () => {
  it.each(HOSTILE)("falls back to the file for %s", (_label, value) => {
    expect(safeAccessNext(id, value)).toBe(`/people/${id}`);
  });

  it.each([`/people/${id}\t`, `/people/${id}%0A`, `/people/${id}?x=%00`, `/people/${id}/%5C`, `/referrals/${id}%09`])(
    "falls back for a control character or backslash after an allowed prefix (%s)",
    (value) => {
      expect(safeAccessNext(id, value)).toBe(`/people/${id}`);
    },
  );
});
