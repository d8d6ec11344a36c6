import { describe, expect, it } from "vitest";
import { nameKey, namesAlike } from "./name-key";

describe("nameKey", () => {
  it.each([
    ["Mohammed", "Muhammad", "Mohamed", "Mohammad", "Muhammed"],
    ["Ahmed", "Ahmad"],
    ["Yusuf", "Jusuf", "Youssef", "Yousef"],
    ["Karlsson", "Carlsson", "Karlson"],
    ["Eriksson", "Ericson", "Ericsson"],
    ["Philip", "Filip", "Phillip"],
    ["Zakaria", "Sakaria", "Zakariya"],
    ["Åberg", "Aberg", "Åbergh"],
    ["Khalid", "Kalid", "Khaled"],
  ])("gives %s and its other spellings one key", (...spellings) => {
    expect(new Set(spellings.map(nameKey)).size).toBe(1);
  });

  it.each([
    ["Mohammed", "Mehmet"],
    ["Ahmed", "Ali"],
    ["Karlsson", "Larsson"],
    ["Omar", "Osman"],
  ])("tells %s and %s apart", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });
});

describe("namesAlike", () => {
  it("matches the names in either order (first and last name swapped on a form)", () => {
    expect(namesAlike({ firstName: "Mohammed", lastName: "Ali" }, { firstName: "Muhammad", lastName: "Aly" })).toBe(
      true,
    );
    expect(namesAlike({ firstName: "Ali", lastName: "Mohammed" }, { firstName: "Muhammad", lastName: "Aly" })).toBe(
      true,
    );
    expect(namesAlike({ firstName: "Mohammed", lastName: "Ali" }, { firstName: "Mohammed", lastName: "Omar" })).toBe(
      false,
    );
  });
});
