import { describe, expect, it } from "vitest";
import { mergeTimeline, type TimelineEntry } from "./timeline";

const entry = (key: string, iso: string): TimelineEntry => ({
  kind: "enforcement",
  key,
  at: new Date(iso),
  recordedBy: { name: "X", agency: "POLICE" },
  id: key,
  type: "ARREST",
  description: null,
  notes: [],
});

describe("mergeTimeline", () => {
  it("puts every source into one list, newest first, ties in a stable order", () => {
    const merged = mergeTimeline(
      [entry("b", "2020-01-01T10:00Z"), entry("d", "2021-01-01T10:00Z")],
      [entry("a", "2020-01-01T10:00Z")],
      [],
    );
    expect(merged.map((e) => e.key)).toEqual(["d", "a", "b"]);
  });
});
