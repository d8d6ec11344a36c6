import { getTranslations } from "next-intl/server";
import type { PledgeOverview as Overview } from "@/lib/pledge/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { PledgeText } from "./pledge-text";
import { PublishPledgeForm } from "./publish-pledge-form";

/** ADMIN's view of the pledge: the current text, a new version, who has not accepted it, every acceptance. */
export async function PledgeOverview({ overview }: { overview: Overview }) {
  const [t, tr] = await Promise.all([getTranslations("pledgeAdmin"), getTranslations("roles")]);
  const { current, acceptances } = overview;
  return (
    <div className="flex flex-col gap-6">
      <Section
        id="current"
        title={current.isDefault ? t("currentDefault") : t("current", { version: current.version })}
        intro={
          current.publishedAt
            ? t("publishedBy", {
                date: formatDateTime(current.publishedAt),
                name: current.publishedBy ?? t("system"),
              })
            : t("defaultExplained")
        }
      >
        <PledgeText text={current.text} />
      </Section>
      <Section id="publish" title={t("publishTitle")} intro={t("publishIntro")}>
        <PublishPledgeForm text={current.text} replaces={current.version} />
      </Section>
      <Section
        id="pending"
        title={t("pendingTitle", { version: Math.max(current.version, 1), count: overview.pendingTotal })}
        isEmpty={overview.pending.length === 0}
        empty={t("pendingEmpty")}
      >
        <DataTable
          caption={t("pendingCaption")}
          empty={t("pendingEmpty")}
          rows={overview.pending}
          rowKey={(u) => u.id}
          columns={[
            { header: t("name"), primary: true, cell: (u) => u.name },
            { header: t("role"), cell: (u) => tr(u.role) },
            {
              header: t("lastSignIn"),
              cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("never")),
            },
          ]}
        />
        {overview.pendingTotal > overview.pending.length ? (
          <p className="mt-2 text-sm">{t("pendingMore", { shown: overview.pending.length })}</p>
        ) : null}
      </Section>
      <Section
        id="acceptances"
        title={t("acceptancesTitle")}
        isEmpty={acceptances.total === 0}
        empty={t("acceptancesEmpty")}
      >
        <DataTable
          caption={t("acceptancesCaption")}
          empty={t("acceptancesEmpty")}
          rows={acceptances.items}
          rowKey={(a) => a.id}
          columns={[
            { header: t("name"), primary: true, cell: (a) => a.userName },
            { header: t("role"), cell: (a) => tr(a.role) },
            { header: t("versionColumn"), cell: (a) => a.version },
            { header: t("acceptedAt"), cell: (a) => formatDateTime(a.acceptedAt) },
          ]}
        />
        <Pagination
          page={acceptances.page}
          pageCount={acceptances.pageCount}
          total={acceptances.total}
          hrefFor={(p) => `/admin/pledge?page=${p}#acceptances`}
        />
      </Section>
      <Section
        id="versions"
        title={t("versionsTitle")}
        isEmpty={overview.versions.length === 0}
        empty={t("versionsEmpty")}
      >
        <DataTable
          caption={t("versionsCaption")}
          empty={t("versionsEmpty")}
          rows={overview.versions}
          rowKey={(v) => v.version}
          columns={[
            { header: t("versionColumn"), primary: true, cell: (v) => v.version },
            { header: t("publishedAt"), cell: (v) => formatDateTime(v.publishedAt) },
            { header: t("publishedByColumn"), cell: (v) => v.publishedBy ?? t("system") },
            { header: t("acceptanceCount"), cell: (v) => v.acceptances },
          ]}
        />
      </Section>
    </div>
  );
}
