import { expect, it } from "vitest";
import { suppress } from "./suppress";

it("hides counts of one and two, shows zero and three upwards", () => {
  expect([0, 1, 2, 3, 40].map(suppress)).toEqual([0, "<3", "<3", 3, 40]);
});
