"use client";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { bandMiddle, isBelowBand } from "@/lib/dashboard/suppress";
import type { ChartDatum, ChartSeries } from "./charts";

/*
 * The dashboard's chart drawings: recharts draws in the browser, and this is the only module that
 * imports it; charts.tsx loads it after the page, so recharts is not in the first load. The
 * charts are pictures of the tables next to them: charts.tsx puts each in role="img" with a text
 * alternative, and the table is the accessible version.
 * Values arrive as the table shows them: counts of people as bands of five ("20–24",
 * lib/dashboard/suppress.ts), drawn at the band's middle and labelled with the band; "<5" is drawn
 * like a zero (a hairline, so that its label shows). Incidents arrive as numbers. A chart never
 * shows more than the table does.
 */

const AXIS = { fontSize: 13, fill: "#334155" };

/** The bar's length: a band's middle, none for "<5" (its label says so). */
function numeric(data: ChartDatum[], series: ChartSeries[]): ChartDatum[] {
  return data.map((d) => {
    const out: ChartDatum = { ...d };
    for (const s of series) {
      const v = d[s.key];
      out[s.key] =
        typeof v === "number" ? v : v === null || v === undefined ? null : isBelowBand(v) ? 0 : bandMiddle(v);
      out[`${s.key}Label`] = v === null ? "" : String(v);
    }
    return out;
  });
}

export function ColumnDrawing({ data, series, height }: { data: ChartDatum[]; series: ChartSeries[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={numeric(data, series)}
        margin={{ top: 20, right: 8, bottom: 4, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={AXIS} interval={0} tickLine={false} />
        <YAxis allowDecimals={false} tick={AXIS} width={36} tickLine={false} axisLine={false} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} minPointSize={2}>
            <LabelList dataKey={`${s.key}Label`} position="top" style={{ fontSize: 12, fill: "#0f172a" }} />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Horizontal bars from the widest stage down: notified → asked for help → referred → … */
export function FunnelDrawing({ data, height }: { data: ChartDatum[]; height: number }) {
  const series = [{ key: "value", name: "", color: "#1d4f86" }];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={numeric(data, series)}
        layout="vertical"
        margin={{ top: 4, right: 40, bottom: 4, left: 8 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={190} tick={AXIS} tickLine={false} axisLine={false} />
        <Bar dataKey="value" fill="#1d4f86" isAnimationActive={false} barSize={28} minPointSize={2}>
          <LabelList dataKey="valueLabel" position="right" style={{ fontSize: 13, fill: "#0f172a" }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
