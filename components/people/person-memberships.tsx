import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getPersonFile } from "@/lib/people/queries";
import { formatDate } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

type PersonFile = Awaited<ReturnType<typeof getPersonFile>>;

/** The person file's "Grupperingar": each membership with its role, confidence, period, source and review date. */
export async function PersonMemberships({ person }: { person: PersonFile }) {
  const [t, tr, tm, ta] = await Promise.all([
    getTranslations("person"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
  ]);
  const canEdit = person.can.addMembership;
  return (
    <Section id="groups" title={t("groups")}>
      {person.memberships.length === 0 ? (
        <p>{t("noGroups")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {person.memberships.map((m) => (
            <li key={m.id} className="print:break-inside-avoid">
              <Link href={`/groups/${m.group.id}`} className="font-medium">
                {m.group.name}
              </Link>
              {m.group.isPrioritized ? (
                <span className="ml-2 rounded border border-red-700 px-1 text-xs font-medium text-red-800">
                  {t("prioritized")}
                </span>
              ) : null}
              {!m.isCurrent ? <span className="ml-2 text-sm text-slate-700">({t("former")})</span> : null}
              <br />
              <span className="text-sm">
                {tr(m.role)}, {tm(m.confidence)} ·{" "}
                {t("membershipPeriod", {
                  from: formatDate(m.validFrom),
                  to: m.validTo ? formatDate(m.validTo) : t("ongoing"),
                })}
              </span>
              <br />
              <span className="text-sm text-slate-700">
                {t("membershipSource", { agency: ta(m.sourceAgency), date: formatDate(m.reviewDueOn) })}
              </span>
              {m.isReviewOverdue ? <strong className="ml-2 text-sm text-red-800">{t("reviewOverdue")}</strong> : null}
              {canEdit ? (
                <span className="block print:hidden">
                  <Link
                    href={`/people/${person.id}/memberships/${m.id}/edit`}
                    className="inline-flex min-h-11 items-center text-sm font-medium"
                  >
                    {t("editMembership", { group: m.group.name })}
                  </Link>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <Link href={`/people/${person.id}/memberships/new`} className={buttonClass("secondary", "mt-3 print:hidden")}>
          {t("addMembership")}
        </Link>
      ) : null}
    </Section>
  );
}
