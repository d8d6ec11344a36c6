import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { EnforcementRow } from "@/lib/enforcement/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { StatusBadge } from "@/components/people/status-badge";

export async function EnforcementList({ items }: { items: EnforcementRow[] }) {
  const [t, tt, td] = await Promise.all([
    getTranslations("enforcement"),
    getTranslations("enforcementType"),
    getTranslations("enforcementDetail"),
  ]);
  return (
    <ul className="flex flex-col gap-2">
      {items.map((a) => (
        <li key={a.id} className="rounded-md border border-slate-300 bg-white p-3">
          <article aria-label={`${tt(a.type)} ${formatDateTime(a.occurredAt)}`}>
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-base font-semibold">{tt(a.type)}</h2>
              <time dateTime={a.occurredAt.toISOString()} className="text-sm text-slate-700">
                {formatDateTime(a.occurredAt)}
              </time>
            </header>
            <p className="mt-1 flex flex-wrap items-center gap-2">
              {a.person ? (
                <>
                  <Link href={`/people/${a.person.id}`} className="font-medium underline">
                    {a.person.name}
                  </Link>
                  {a.person.status !== "ACTIVE" ? <StatusBadge status={a.person.status} /> : null}
                </>
              ) : null}
              {a.group ? (
                <span>
                  {a.person ? t("inGroup", { group: a.group.name }) : t("againstGroup", { group: a.group.name })}
                </span>
              ) : null}
            </p>
            {a.description ? <p className="mt-1 whitespace-pre-line text-sm">{a.description}</p> : null}
            <p className="mt-1 text-sm text-slate-700">{t("recordedBy", { name: a.createdBy.name })}</p>
            <Link href={`/enforcement/${a.id}`} className="inline-flex min-h-11 items-center text-sm font-medium">
              {td("view", { type: tt(a.type), date: formatDateTime(a.occurredAt) })}
            </Link>
          </article>
        </li>
      ))}
    </ul>
  );
}
