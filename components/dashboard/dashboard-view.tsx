import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Section } from "@/lib/dashboard/schemas";
import type { Dashboard } from "@/lib/dashboard/queries";
import { dashboardTables, type Table, type Translate, type TranslateLabels } from "@/lib/dashboard/tables";
import { periodSearchParams, type Pair } from "@/lib/dashboard/view";
import { Section as Block } from "@/components/ui/section";
import { ColumnChart, FunnelChart } from "./charts";
import { CellText, DataTable } from "./data-table";
import { BELOW_BAND } from "@/lib/dashboard/suppress";

type Context = {
  t: Translate;
  tables: Partial<Record<Section, Table>>;
  csvHref: ((section: Section) => string) | null;
};

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Block id={id} title={title}>
      <div className="flex flex-col gap-6 print:gap-3">{children}</div>
    </Block>
  );
}

function CsvLink({ ctx, section }: { ctx: Context; section: Section }) {
  const table = ctx.tables[section];
  if (!ctx.csvHref || !table) return null;
  return (
    // The accessible name spelled out: a visually hidden span's position makes Chromium insert a
    // space ("Ladda ner CSV : …"), and a screen reader should hear which table it downloads.
    <a
      href={ctx.csvHref(section)}
      download
      aria-label={`${ctx.t("table.download")}: ${table.title}`}
      className="inline-flex min-h-11 items-center self-start font-medium"
    >
      {ctx.t("table.download")}
    </a>
  );
}

/** A table that is the figure itself, with its CSV. */
function TablePart({ ctx, section }: { ctx: Context; section: Section }) {
  const table = ctx.tables[section];
  if (!table) return null;
  return (
    <div className="flex flex-col gap-2">
      <DataTable table={table} />
      <CsvLink ctx={ctx} section={section} />
    </div>
  );
}

/** A chart, the same numbers as a table one click away, and their CSV. */
function ChartPart({
  ctx,
  section,
  heading,
  chart,
}: {
  ctx: Context;
  section: Section;
  heading: string;
  chart: ReactNode;
}) {
  const table = ctx.tables[section];
  if (!table) return null;
  return (
    <figure className="flex flex-col gap-2 break-inside-avoid">
      <figcaption className="font-semibold">{heading}</figcaption>
      {chart}
      <details className="rounded-md border border-slate-200 p-2 print:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
          {ctx.t("table.showTable")}
        </summary>
        <DataTable table={table} caption={false} />
      </details>
      <CsvLink ctx={ctx} section={section} />
    </figure>
  );
}

function KeyFigure({ label, pair, t }: { label: string; pair: Pair; t: Translate }) {
  const notShown = t("table.notShownText");
  return (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-3xl font-semibold tabular-nums">
        <CellText value={pair.current} notShown={notShown} />
      </dd>
      {pair.previous !== null ? (
        <dd className="text-sm text-slate-700">
          {t("table.previousValue", { value: String(pair.previous) })}
          {pair.change !== null ? (
            <>
              {" "}
              (<CellText value={pair.change} signed notShown={notShown} />)
            </>
          ) : null}
        </dd>
      ) : null}
    </div>
  );
}

const BRAND = "#1d4f86";
const PREVIOUS = "#64748b";

export async function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const [t, labels] = (await Promise.all([getTranslations("dashboard"), getTranslations()])) as unknown as [
    Translate,
    TranslateLabels,
  ];
  const { view } = dashboard;
  const tables = dashboardTables(view, t, labels);
  const period = periodSearchParams(view.periods.current);
  const ctx: Context = {
    t,
    tables,
    csvHref: dashboard.canExport ? (section) => `/dashboard/csv?${new URLSearchParams({ ...period, section })}` : null,
  };
  const stage = (name: string) => view.funnel?.stages.find((s) => s.stage === name)?.current ?? BELOW_BAND;
  const inc = view.incidents;

  return (
    <div className="flex flex-col gap-6 print:gap-3">
      <Card id="reach" title={t("reach.title")}>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {(["soughtOut", "askedForHelp", "reached", "callInAttended"] as const).map((key) => (
            <KeyFigure key={key} label={t(`reach.${key}`)} pair={view.reach[key]} t={t} />
          ))}
        </dl>
        <TablePart ctx={ctx} section="reach" />
      </Card>

      <Card id="funnel" title={t("funnel.title")}>
        <p>{t("funnel.intro")}</p>
        {view.funnel ? (
          <ChartPart
            ctx={ctx}
            section="funnel"
            heading={tables.funnel!.title}
            chart={
              <FunnelChart
                label={t("funnel.chartLabel", {
                  reached: String(stage("notified")),
                  referred: String(stage("referred")),
                  completed: String(stage("completed")),
                })}
                data={[
                  ...view.funnel.stages.map((s) => ({ label: t(`funnel.${s.stage}`), value: s.current })),
                  ...(view.funnel.relocated
                    ? [{ label: t("funnel.relocated"), value: view.funnel.relocated.current }]
                    : []),
                ]}
              />
            }
          />
        ) : (
          <p>{t("funnel.notAvailable")}</p>
        )}
      </Card>

      {view.referrals ? (
        <Card id="programme" title={t("referrals.title")}>
          <TablePart ctx={ctx} section="referrals" />
          <TablePart ctx={ctx} section="outcomes" />
          <TablePart ctx={ctx} section="supportMeasures" />
        </Card>
      ) : null}

      <Card id="liberty" title={t("liberty.title")}>
        <TablePart ctx={ctx} section="liberty" />
      </Card>

      <Card id="caseload" title={t("caseload.title")}>
        {view.caseload.length > 0 ? <TablePart ctx={ctx} section="caseload" /> : <p>{t("caseload.empty")}</p>}
        {view.overdue ? (
          view.overdue.length > 0 ? (
            <TablePart ctx={ctx} section="overdue" />
          ) : (
            <p>{t("overdue.empty")}</p>
          )
        ) : null}
      </Card>

      {view.jointWork ? (
        <Card id="joint-work" title={t("jointWork.title")}>
          <TablePart ctx={ctx} section="planMeasures" />
          <TablePart ctx={ctx} section="jointWork" />
        </Card>
      ) : null}

      <Card id="incidents" title={t("incidents.title")}>
        <p>
          {inc.monthsYear === inc.yearToDate.year
            ? `${t("incidents.yearToDate", { count: inc.yearToDate.shootings, lastYear: inc.yearToDate.shootingsLastYear })} `
            : null}
          {t("incidents.exact")}
        </p>
        <ChartPart
          ctx={ctx}
          section="incidentsPerYear"
          heading={t("incidents.perYearTitle")}
          chart={
            <ColumnChart
              label={t("incidents.perYearChart")}
              series={[{ key: "shootings", name: t("incidents.shootings"), color: BRAND }]}
              data={inc.years.map((y) => ({
                label: y.partial ? `${y.year}*` : String(y.year),
                shootings: y.shootings,
              }))}
            />
          }
        />
        <ChartPart
          ctx={ctx}
          section="incidentsPerMonth"
          heading={tables.incidentsPerMonth!.title}
          chart={
            <ColumnChart
              label={t("incidents.perMonthChart", { year: inc.monthsYear, previous: inc.monthsYear - 1 })}
              series={[
                { key: "previous", name: String(inc.monthsYear - 1), color: PREVIOUS },
                { key: "current", name: String(inc.monthsYear), color: BRAND },
              ]}
              data={inc.months.map((m) => ({
                label: t(`month.${m.month}`).slice(0, 3),
                current: m.shootings,
                previous: m.shootingsLastYear,
              }))}
            />
          }
        />
      </Card>

      <details className="rounded-lg border border-slate-300 bg-white p-4 print:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold">
          {t("definitions.title")}
        </summary>
        <ul className="mt-2 flex list-disc flex-col gap-2 pl-5">
          {(
            [
              "soughtOut",
              "reached",
              "askedForHelp",
              "soughtSupport",
              "relocated",
              "liberty",
              "comparison",
              "suppression",
            ] as const
          ).map((key) => (
            <li key={key}>{t(`definitions.${key}`)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
