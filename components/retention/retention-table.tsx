import { getTranslations } from "next-intl/server";
import type { RetentionRow } from "@/lib/retention/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { RetentionDecision } from "./retention-decision";

export async function RetentionTable({ rows }: { rows: RetentionRow[] }) {
  const [t, ts] = await Promise.all([getTranslations("retention"), getTranslations("personStatus")]);
  return (
    <ul className="flex flex-col gap-3">
      {rows.map((r) => (
        <li key={r.id} className="rounded-lg border border-slate-300 bg-white p-4">
          <article aria-label={r.name} className="flex flex-col gap-3 sm:flex-row sm:justify-between">
            <div>
              <h3 className="font-semibold">{r.name}</h3>
              <p className="font-mono text-sm">{r.maskedIdentityNumber ?? t("noNumber")}</p>
              <p className="text-sm">
                {ts.has(r.status) ? ts(r.status) : r.status} ·{" "}
                {t("lastActivity", { date: formatDateTime(r.lastActivityAt) })}
              </p>
              <p className={r.isDue ? "font-medium text-red-800" : "text-slate-700"}>
                {r.isDue ? t("due") : t("dueSoon")}
              </p>
              {r.openReferrals + r.openFollowUps > 0 ? (
                <p className="text-sm font-medium text-amber-900">
                  {t("openMatters", { referrals: r.openReferrals, followUps: r.openFollowUps })}
                </p>
              ) : null}
            </div>
            <RetentionDecision personId={r.id} version={r.version} isDue={r.isDue} name={r.name} />
          </article>
        </li>
      ))}
    </ul>
  );
}
