import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("the password policy", () => {
  it("accepts a long passphrase, with any characters, up to 128", () => {
    expect(checkPassword("korrekt häst batteri häftklammer")).toBeNull();
    expect(checkPassword("ÅÄÖåäö-fjällräv")).toBeNull();
    expect(checkPassword("x".repeat(0) + "abcdefghij".repeat(12) + "klmnopqr")).toBeNull();
  });

  it("counts characters as the user sees them", () => {
    expect(checkPassword("åäöåäöåäöxyz")).toBeNull(); // 12 characters, more bytes
    expect(checkPassword("åäöåäöåäöxy")).toBe("passwordTooShort");
  });

  it("refuses short, overlong and trivial passwords", () => {
    expect(checkPassword("")).toBe("passwordTooShort");
    expect(checkPassword("Kort-123")).toBe("passwordTooShort");
    expect(checkPassword("a".repeat(129))).toBe("passwordTooLong");
    expect(checkPassword("aaaaaaaaaaaaaa")).toBe("passwordTooSimple");
    expect(checkPassword("abababababababab")).toBe("passwordTooSimple");
  });

  it("refuses passwords from the common-password list, whatever the case", () => {
    expect(checkPassword("qwerty123456")).toBe("passwordCommon");
    expect(checkPassword("QWERTY123456")).toBe("passwordCommon");
    expect(checkPassword("1qaz2wsx3edc")).toBe("passwordCommon");
    expect(checkPassword("Lösenord1234")).toBe("passwordCommon");
  });

  it("refuses the service's name and the user's own address in the password", () => {
    expect(checkPassword("Samverkan-demo-2026")).toBe("passwordPersonal");
    expect(checkPassword("jonas.berglund-1985!", { email: "jonas.berglund@malmo.polisen.se" })).toBe(
      "passwordPersonal",
    );
    expect(checkPassword("mitt eget polisen lösen", { email: "jb@polisen.se" })).toBe("passwordPersonal");
    expect(checkPassword("mitt eget polisen lösen", { email: "jb@kommun.se" })).toBeNull();
  });
});
