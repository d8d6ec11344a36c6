import type { ReactNode } from "react";

/** A record's facts as a definition list: label over value on phones, side by side on wider screens. */
export function Facts({ items }: { items: ([label: string, value: ReactNode] | null | false)[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {items.filter(Boolean).map((item) => {
        const [label, value] = item as [string, ReactNode];
        return (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-700 sm:text-base">{label}</dt>
            <dd className="mb-2 sm:mb-0">{value}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A bordered panel with a heading, for the sections of a detail page. */
export function Panel({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
