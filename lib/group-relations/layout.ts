/*
 * Where the map of the groups (the group audit's "picture of the groups and their conflicts")
 * puts each group: on one circle, in the order of their names, starting at the top and going
 * clockwise. Deterministic (the same groups give the same picture on every load, on paper and for
 * two coordinators comparing notes), needs no JavaScript in the browser, and every edge is a chord,
 * so no edge hides behind a node. A force layout would move nodes between loads and needs a
 * library; at a site's few dozen groups a circle is as readable.
 */

export type MapNode = { id: string; name: string; isPrioritized: boolean };
export type PlacedNode = MapNode & {
  x: number;
  y: number;
  labelX: number;
  labelY: number;
  anchor: "start" | "middle" | "end";
};

export const MAP_SIZE = 640;
const CENTRE = MAP_SIZE / 2;
const RADIUS = 220;
const LABEL_RADIUS = RADIUS + 22;

const round = (n: number) => Math.round(n * 10) / 10;

/** The nodes sorted by name (Swedish order, then id for equal names), each with its place. */
export function circleLayout(nodes: readonly MapNode[]): PlacedNode[] {
  const sorted = [...nodes].sort((a, b) => a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id));
  return sorted.map((node, i) => {
    // A single group sits in the middle; otherwise evenly round the circle from twelve o'clock.
    const angle = sorted.length === 1 ? 0 : (2 * Math.PI * i) / sorted.length - Math.PI / 2;
    const r = sorted.length === 1 ? 0 : RADIUS;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const anchor = sorted.length === 1 || Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end";
    return {
      ...node,
      x: round(CENTRE + r * cos),
      y: round(CENTRE + r * sin),
      labelX: round(CENTRE + (sorted.length === 1 ? 0 : LABEL_RADIUS) * cos),
      // Labels below the node at the bottom and for a lone node; otherwise level with it.
      labelY: round(CENTRE + (sorted.length === 1 ? 30 : LABEL_RADIUS * sin + (sin > 0.8 ? 12 : sin < -0.8 ? -4 : 5))),
      anchor,
    };
  });
}
