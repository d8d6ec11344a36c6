"use client";
import dynamic from "next/dynamic";

/*
 * The dashboard's charts: each a picture of the table beside it, in role="img" with a text
 * alternative (the table is the accessible version). The box and its label come with the page;
 * the drawing (chart-drawings.tsx, recharts) is loaded after it, in a box of the drawing's own
 * height so nothing moves when it arrives. recharts was 115 kB (gzip) of the dashboard's 268.7 kB
 * first-load JavaScript (npm run bundle:size, issue 13); the figures are in the tables from the
 * first paint.
 */

export type ChartDatum = { label: string; [series: string]: string | number | null };
export type ChartSeries = { key: string; name: string; color: string };

const ColumnDrawing = dynamic(() => import("./chart-drawings").then((m) => m.ColumnDrawing), { ssr: false });
const FunnelDrawing = dynamic(() => import("./chart-drawings").then((m) => m.FunnelDrawing), { ssr: false });

export function ColumnChart({
  data,
  series,
  label,
  height = 280,
}: {
  data: ChartDatum[];
  series: ChartSeries[];
  label: string;
  height?: number;
}) {
  return (
    <div role="img" aria-label={label} className="w-full" style={{ minHeight: height }}>
      <ColumnDrawing data={data} series={series} height={height} />
    </div>
  );
}

/** Horizontal bars from the widest stage down: notified → asked for help → referred → … */
export function FunnelChart({ data, label }: { data: ChartDatum[]; label: string }) {
  const height = 48 * data.length + 24;
  return (
    <div role="img" aria-label={label} className="w-full" style={{ minHeight: height }}>
      <FunnelDrawing data={data} height={height} />
    </div>
  );
}
