import { expect, it } from "vitest";
import { band, bandLow, bandMiddle, BELOW_BAND } from "./suppress";

it("shows a count as its band of five, 0 to 4 as one band", () => {
  expect([0, 1, 4, 5, 9, 10, 24, 25, 40].map(band)).toEqual([
    "<5",
    "<5",
    "<5",
    "5–9",
    "5–9",
    "10–14",
    "20–24",
    "25–29",
    "40–44",
  ]);
});

it("reads a band back as its lowest count and its middle", () => {
  expect(["<5", "5–9", "20–24"].map(bandLow)).toEqual([0, 5, 20]);
  expect(["<5", "20–24"].map(bandMiddle)).toEqual([2, 22]);
  expect(BELOW_BAND).toBe("<5");
});

it("keeps a difference of two adjacent days from telling a small count: 14 and 16 are bands apart, but so are 14 and 15", () => {
  expect([band(14), band(16)]).toEqual(["10–14", "15–19"]);
  expect(band(15)).toBe(band(16));
  expect(bandLow(band(16)) - bandLow(band(14))).toBe(5);
});
