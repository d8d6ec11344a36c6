import { describe, expect, it } from "vitest";
import { identityNumberCandidates, parsePeopleSearch } from "./search";

describe("parsePeopleSearch", () => {
  it("turns names into lower-case word prefixes, hyphens as breaks, at most four", () => {
    expect(parsePeopleSearch("  Anna-Karin ÖBERG ")).toEqual({
      words: ["anna", "karin", "öberg"],
      numbers: [],
      impossible: false,
    });
    expect(parsePeopleSearch("a b c d e f").words).toEqual(["a", "b", "c", "d"]);
  });

  it("drops LIKE wildcards the user typed", () => {
    expect(parsePeopleSearch("%_\\ om%ar").words).toEqual(["omar"]);
  });

  it.each([
    ["198112189876", ["198112189876"]],
    ["19811218-9876", ["198112189876"]],
    ["811218-9876", ["198112189876", "208112189876"]],
    ["8112189876", ["198112189876", "208112189876"]],
    ["811218 9876", ["198112189876", "208112189876"]],
    ["121212+1212", ["181212121212", "191212121212"]],
  ])("reads the full number %j in any form", (input, prefixes) => {
    expect(parsePeopleSearch(input).numbers).toEqual([{ prefixes, birthDates: [] }]);
  });

  it("reads a birth date as a prefix and as the birth date itself", () => {
    expect(identityNumberCandidates("900101")).toEqual({
      prefixes: ["19900101", "20900101"],
      birthDates: ["1990-01-01", "2090-01-01"],
    });
    expect(identityNumberCandidates("19900101")).toEqual({ prefixes: ["19900101"], birthDates: ["1990-01-01"] });
    // samordningsnummer: day + 60, found by the real birth date too
    expect(identityNumberCandidates("19900167")).toEqual({ prefixes: ["19900167"], birthDates: ["1990-01-07"] });
  });

  it("reads partial numbers after the dash", () => {
    expect(identityNumberCandidates("900101-12")).toEqual({ prefixes: ["1990010112", "2090010112"], birthDates: [] });
    expect(identityNumberCandidates("19900101-")).toEqual({ prefixes: ["19900101"], birthDates: ["1990-01-01"] });
  });

  it("keeps only readings with a possible month and day", () => {
    // 199013: neither 1990, month 13 (YYYYMM) nor 19, month 90 (YYMMDD)
    expect(identityNumberCandidates("199013")).toBeNull();
    expect(identityNumberCandidates("901301")).toBeNull();
    expect(identityNumberCandidates("900145")).toBeNull();
  });

  it.each(["123", "9001", "1234567890123", "90-0101", "9001011234x"])(
    "cannot read %j as a number: nothing matches",
    (input) => {
      expect(parsePeopleSearch(input).impossible).toBe(true);
    },
  );

  it("combines a name with a number", () => {
    expect(parsePeopleSearch("omar 900101")).toMatchObject({
      words: ["omar"],
      numbers: [{ prefixes: ["19900101", "20900101"] }],
    });
  });
});
