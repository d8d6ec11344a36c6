import { expect, it } from "vitest";
import { neutraliseFormula } from "./export";

it("keeps a cell that a spreadsheet would run as a formula as text", () => {
  expect(
    ["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\t=1", "OTHER: vanlig text", "2026-01-01"].map(neutraliseFormula),
  ).toEqual(["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)", "'\t=1", "OTHER: vanlig text", "2026-01-01"]);
});
