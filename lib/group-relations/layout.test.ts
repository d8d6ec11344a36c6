import { describe, expect, it } from "vitest";
import { circleLayout, MAP_SIZE } from "./layout";

const node = (id: string, name: string) => ({ id, name, isPrioritized: false });

describe("the group map's circle layout", () => {
  it("places the groups by name from twelve o'clock, clockwise, the same way every time", () => {
    const nodes = [
      node("3", "Östergänget"),
      node("1", "Backagänget"),
      node("2", "Hamnligan"),
      node("4", "Ängsnätverket"),
    ];
    const placed = circleLayout(nodes);
    // Swedish order: Å, Ä, Ö come after Z.
    expect(placed.map((n) => n.name)).toEqual(["Backagänget", "Hamnligan", "Ängsnätverket", "Östergänget"]);
    expect(placed[0]).toMatchObject({ x: MAP_SIZE / 2, anchor: "middle" });
    expect(placed[0]!.y).toBeLessThan(MAP_SIZE / 2);
    expect(placed[1]!.x).toBeGreaterThan(MAP_SIZE / 2);
    expect(placed[1]!.anchor).toBe("start");
    expect(placed[3]!.anchor).toBe("end");
    expect(circleLayout([...nodes].reverse())).toEqual(placed);
  });

  it("keeps every node inside the picture and a lone group in the middle", () => {
    const many = Array.from({ length: 40 }, (_, i) => node(String(i), `Grupp ${String(i).padStart(2, "0")}`));
    for (const n of circleLayout(many)) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(MAP_SIZE);
      expect(n.y).toBeGreaterThan(0);
      expect(n.y).toBeLessThan(MAP_SIZE);
    }
    expect(circleLayout([node("1", "Ensam")])[0]).toMatchObject({ x: MAP_SIZE / 2, y: MAP_SIZE / 2 });
    expect(circleLayout([])).toEqual([]);
  });
});
