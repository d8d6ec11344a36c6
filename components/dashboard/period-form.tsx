import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/lib/dashboard/queries";
import { PERIOD_KINDS } from "@/lib/dashboard/periods";
import type { PeriodInfo } from "@/lib/dashboard/view";
import { enumOptions } from "@/lib/labels";
import { periodLabel, type Translate } from "@/lib/dashboard/tables";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

const TARGETS = { dashboard: "/dashboard", national: "/national" } as const;

const INPUT = "block w-full min-h-11 rounded-md border bg-white px-3 py-2 text-base text-slate-900";

/**
 * The period chooser: a plain GET form, so it works without JavaScript and every view has an
 * address that can be bookmarked or sent to a colleague. The national view (issue 16) uses it too,
 * with its own `action` and no rounds (they are each site's own).
 */
export async function PeriodForm({
  dashboard,
  target = "dashboard",
  withRounds = true,
}: {
  dashboard: Pick<Dashboard, "query" | "rounds"> & {
    view: { periods: { current: PeriodInfo; previous: PeriodInfo | null } };
  };
  /** Which page the GET form shows the period on. */
  target?: keyof typeof TARGETS;
  /** Whether the form offers the site's notification rounds (not in the national view). */
  withRounds?: boolean;
}) {
  const t = (await getTranslations("dashboard")) as unknown as Translate;
  const errorText = await getTranslations("errors.period");
  const { query, rounds, view } = dashboard;
  const errors = query.fieldErrors;
  const current = view.periods.current;
  const selected =
    query.values.period && (PERIOD_KINDS as readonly string[]).includes(query.values.period)
      ? query.values.period
      : current.kind;
  const field = (name: "from" | "to") => {
    const id = `period-${name}`;
    const error = errors[name];
    return (
      <div>
        <label htmlFor={id} className="mb-1 block font-medium">
          {t(`period.${name}`)}
        </label>
        <input
          id={id}
          name={name}
          // A month field; browsers without one show a text field, and the server reads YYYY-MM either way.
          type="month"
          inputMode="numeric"
          placeholder={t("period.monthPlaceholder")}
          defaultValue={query.values[name] ?? (current.kind === "custom" ? current[name].slice(0, 7) : "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={cn("period-dates-hint", error && `${id}-error`)}
          className={cn(INPUT, error ? "border-red-700" : "border-slate-500")}
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
            {errorText.has(error) ? errorText(error) : error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form
      method="get"
      action={TARGETS[target]}
      // On paper only the period shown stays (globals.css leaves other forms off).
      data-print="summary"
      className="mb-6 rounded-lg border border-slate-300 bg-white p-4 print:mb-3 print:border-0 print:p-0"
    >
      {Object.keys(errors).length > 0 ? (
        <div className="mb-4">
          <Alert tone="error">{t("period.invalid")}</Alert>
        </div>
      ) : null}
      <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4 print:hidden">
        <legend className="mb-2 text-lg font-semibold">{t("period.legend")}</legend>
        <div>
          <label htmlFor="period-kind" className="mb-1 block font-medium">
            {t("period.label")}
          </label>
          <select id="period-kind" name="period" defaultValue={selected} className={cn(INPUT, "border-slate-500")}>
            {enumOptions(
              PERIOD_KINDS.filter((k) => k !== "round" || rounds.length > 0),
              (k) => t(`period.${k}`),
            ).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {withRounds ? (
          <div>
            <label htmlFor="period-round" className="mb-1 block font-medium">
              {t("period.roundLabel")}
            </label>
            {rounds.length > 0 ? (
              <select
                id="period-round"
                name="round"
                defaultValue={current.roundId ?? rounds[0]!.id}
                aria-describedby="period-round-hint"
                className={cn(INPUT, "border-slate-500")}
              >
                {rounds.map((r, i) => (
                  <option key={r.id} value={r.id}>
                    {i === 0 ? t("period.latestRound", { name: r.name }) : r.name} · {r.startsOn} – {r.endsOn}
                  </option>
                ))}
              </select>
            ) : (
              <p id="period-round">{t("period.noRounds")}</p>
            )}
            <p id="period-round-hint" className="mt-1 text-sm text-slate-700">
              {t("period.roundHint")}
            </p>
          </div>
        ) : null}
        {field("from")}
        {field("to")}
        <p id="period-dates-hint" className="text-sm text-slate-700 sm:col-span-2 lg:col-span-4">
          {t("period.datesHint")}
        </p>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit">{t("period.show")}</Button>
        <p role="status" className="text-slate-800">
          <strong>{t("period.showing", { period: periodLabel(t, current) })}</strong>
          {view.periods.previous
            ? `, ${t("period.comparedWith", { period: periodLabel(t, view.periods.previous) })}.`
            : `. ${t("period.noComparison")}`}
        </p>
      </div>
    </form>
  );
}
