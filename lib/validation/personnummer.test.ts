import { describe, expect, it } from "vitest";
import {
  formatIdentityNumber,
  generateIdentityNumber,
  luhnCheckDigit,
  maskIdentityNumber,
  parseIdentityNumber,
} from "./personnummer";

describe("parseIdentityNumber", () => {
  // 19811218-9876 is the personnummer organisation's own published test number.
  it.each(["198112189876", "19811218-9876", "8112189876", "811218-9876", " 811218-9876 "])(
    "accepts %j and normalises it to 12 digits",
    (input) => {
      expect(parseIdentityNumber(input)).toEqual({
        normalized: "198112189876",
        kind: "PERSONNUMMER",
        birthDate: "1981-12-18",
      });
    },
  );

  it("reads `+` as someone 100 years or older", () => {
    expect(parseIdentityNumber("121212+1212")?.normalized).toBe("191212121212");
  });

  it("accepts a samordningsnummer (day + 60) and gives the real birth date", () => {
    const number = generateIdentityNumber(new Date(Date.UTC(1990, 4, 7)), 123, true);
    expect(number.slice(6, 8)).toBe("67");
    expect(parseIdentityNumber(number)).toEqual({
      normalized: number,
      kind: "SAMORDNINGSNUMMER",
      birthDate: "1990-05-07",
    });
  });

  it.each([
    ["a wrong check digit", "19811218-9875"],
    ["an impossible date", "19810230-1234"],
    ["letters", "19811218-98A6"],
    ["too short", "811218-987"],
    ["empty", ""],
    ["SQL", "1' OR '1'='1"],
  ])("refuses %s", (_label, input) => {
    expect(parseIdentityNumber(input)).toBeNull();
  });
});

describe("generated numbers for synthetic data", () => {
  it("are always valid: date and Luhn check digit", () => {
    for (let serial = 0; serial < 500; serial++) {
      const birth = new Date(Date.UTC(1985 + (serial % 20), serial % 12, 1 + (serial % 28)));
      const number = generateIdentityNumber(birth, serial);
      expect(parseIdentityNumber(number)?.normalized, number).toBe(number);
    }
  });

  it("compute the check digit by the Luhn algorithm", () => {
    expect(luhnCheckDigit("811218987")).toBe(6);
  });
});

describe("display", () => {
  it("masks the last four digits and formats with a dash", () => {
    expect(maskIdentityNumber("198112189876")).toBe("19811218-XXXX");
    expect(formatIdentityNumber("198112189876")).toBe("19811218-9876");
  });
});
