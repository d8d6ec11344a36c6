import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { personPage } from "@/lib/page-guards";
import { requireArea } from "@/lib/auth/session";
import { getEnforcementAction } from "@/lib/enforcement/edit";
import { formatDateTime } from "@/lib/validation/dates";
import { SavedNotice } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/people/status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enforcement"))("title") };
}

export default async function EnforcementActionPage({ params, searchParams }: PageProps<"/enforcement/[id]">) {
  const actor = await requireArea("enforcement");
  const { id } = await params;
  const { saved } = await searchParams;
  // An action against a person is part of their file: outside the caseload, the reason form first.
  const a = await personPage(getEnforcementAction({ actor, id }), `/enforcement/${id}`);
  const [t, tt] = await Promise.all([getTranslations("enforcementDetail"), getTranslations("enforcementType")]);
  return (
    <>
      <SavedNotice value={saved} messages={{ updated: t("saved"), deprived: t("savedDeprived") }} />
      <PageHeader
        title={t("title", { type: tt(a.type), date: formatDateTime(a.occurredAt) })}
        actions={
          <>
            <Link href={`/enforcement/${a.id}/edit`} className={buttonClass("primary")}>
              {t("edit")}
            </Link>
            <Link href="/enforcement" className={buttonClass("secondary")}>
              {t("backToList")}
            </Link>
          </>
        }
      />
      <dl className="grid max-w-2xl gap-x-6 gap-y-3 rounded-lg border border-slate-300 bg-white p-4 sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">{t("type")}</dt>
        <dd>{tt(a.type)}</dd>
        <dt className="text-slate-700">{t("occurredAt")}</dt>
        <dd>{formatDateTime(a.occurredAt)}</dd>
        <dt className="text-slate-700">{t("person")}</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {a.person ? (
            <>
              <Link href={`/people/${a.person.id}`}>{a.person.name}</Link>
              <StatusBadge status={a.person.status} />
            </>
          ) : (
            "–"
          )}
        </dd>
        <dt className="text-slate-700">{t("group")}</dt>
        <dd>{a.group ? <Link href={`/groups/${a.group.id}`}>{a.group.name}</Link> : t("noGroup")}</dd>
        <dt className="text-slate-700">{t("description")}</dt>
        <dd className="whitespace-pre-line">{a.description ?? t("noDescription")}</dd>
        <dt className="text-slate-700">{t("recorded")}</dt>
        <dd>{t("recordedValue", { name: a.recordedBy, date: formatDateTime(a.createdAt) })}</dd>
        {a.version > 1 ? (
          <>
            <dt className="text-slate-700">{t("updated")}</dt>
            <dd>{formatDateTime(a.updatedAt)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
