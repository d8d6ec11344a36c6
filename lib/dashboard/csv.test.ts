import { describe, expect, it } from "vitest";
import { csvFileName, tableToCsv } from "./csv";

describe("CSV export", () => {
  it("writes semicolon-separated rows with a byte-order mark, suppressed values and empty cells for hidden ones", () => {
    const csv = tableToCsv({
      section: "reach",
      title: "Nådda",
      columns: ["Mått", "Period", "Förändring"],
      rows: [
        ["Uppsökta", 24, 1],
        ["Bad om hjälp", "<3", null],
      ],
    });
    expect(csv).toBe("\uFEFFMått;Period;Förändring\r\nUppsökta;24;1\r\nBad om hjälp;<3;\r\n");
  });

  it("quotes text with separators and neutralises formulas", () => {
    const csv = tableToCsv({
      section: "caseload",
      title: "x",
      columns: ["Namn"],
      rows: [['=HYPERLINK("x")'], ["Ek; Lund"], ["-2"], [-2]],
    });
    expect(csv.split("\r\n").slice(1, 5)).toEqual(['"\'=HYPERLINK(""x"")"', '"Ek; Lund"', "'-2", "-2"]);
  });

  it("names the file after the section and period with nothing a header could break on", () => {
    expect(csvFileName("reach", "2020-09-14", "2020-09-25")).toBe("samverkan-reach-2020-09-14-2020-09-25.csv");
    expect(csvFileName('a"b\r\n', "x", "y")).toBe("samverkan-a_b__-x-y.csv");
  });
});
