import { describe, expect, it } from "vitest";
import { visitState, weekOf } from "./week";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the week of planned visits", () => {
  it("runs Monday to Sunday in Swedish time", () => {
    // Sunday 22:30 UTC on 6 December 2026 is Monday 7 December in Stockholm.
    const w = weekOf(new Date("2026-12-06T23:30:00Z"));
    expect(w.monday.toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(w.sunday.toISOString().slice(0, 10)).toBe("2026-12-13");
    expect(w.start.toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-12-13T23:00:00.000Z");
    expect(weekOf(new Date("2026-12-03T12:00:00Z")).monday.toISOString().slice(0, 10)).toBe("2026-11-30");
  });

  it("tells done, not done, due and upcoming apart by the dates alone", () => {
    const plan = { windowStartsOn: d("2026-12-01"), windowEndsOn: d("2026-12-04"), doneAt: null };
    expect(visitState(plan, d("2026-11-30"))).toBe("upcoming");
    expect(visitState(plan, d("2026-12-01"))).toBe("due");
    expect(visitState(plan, d("2026-12-04"))).toBe("due");
    expect(visitState(plan, d("2026-12-05"))).toBe("notDone");
    expect(visitState({ ...plan, doneAt: new Date("2026-12-02T10:00:00Z") }, d("2026-12-05"))).toBe("done");
  });
});
