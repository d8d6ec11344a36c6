import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { AUDIT_EXPORT_MAX_ROWS } from "@/lib/audit-log/export";
import { listAuditEvents, listAuditUsers } from "@/lib/audit-log/queries";
import { auditFilterParams, parseAuditFilter } from "@/lib/audit-log/schemas";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Pagination } from "@/components/ui/pagination";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { PersonLookupForm } from "@/components/audit/person-lookup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const actor = await requireArea("admin");
  const { filter, errors } = parseAuditFilter(await searchParams);
  const [t, users, result] = await Promise.all([
    getTranslations("audit"),
    listAuditUsers({ actor }),
    listAuditEvents({ actor, filter }),
  ]);
  const personLabel = filter.personId
    ? (result.items.find((r) => r.person?.id === filter.personId)?.person?.label ?? null)
    : null;
  const canExport = !result.capped && result.total > 0 && result.total <= AUDIT_EXPORT_MAX_ROWS;
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          canExport ? (
            <a
              href={`/admin/audit/export?${auditFilterParams(filter, { page: 1 })}`}
              className={buttonClass("secondary")}
            >
              {t("exportCsv")}
            </a>
          ) : null
        }
      />
      <Section id="lookup" title={t("lookupTitle")} className="mb-4">
        <PersonLookupForm />
      </Section>
      <AuditFilters filter={filter} errors={errors} users={users} personLabel={personLabel} />
      <p className="mb-3 font-medium" role="status">
        {result.capped ? t("countCapped", { count: result.total }) : t("count", { count: result.total })}
      </p>
      <AuditTable rows={result.items} showActor personHref={(id) => `/admin/audit/people/${id}`} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(page) => `/admin/audit?${auditFilterParams(filter, { page })}`}
      />
    </>
  );
}
