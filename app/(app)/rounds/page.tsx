import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listRounds } from "@/lib/rounds/queries";
import { formatDate } from "@/lib/validation/dates";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rounds"))("title") };
}

export default async function RoundsPage() {
  const actor = await requireArea("visits");
  const [t, rounds] = await Promise.all([getTranslations("rounds"), listRounds({ actor })]);
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          can(actor, "round", "create") ? (
            <Link href="/rounds/new" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      <DataTable
        caption={t("caption")}
        empty={t("empty")}
        rows={rounds}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t("name"),
            primary: true,
            cell: (r) => (
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/rounds/${r.id}`} className="font-semibold underline">
                  {r.name}
                </Link>
                {r.isCurrent ? (
                  <strong className="rounded border border-brand-700 bg-brand-50 px-1.5 text-sm text-brand-900">
                    {t("current")}
                  </strong>
                ) : null}
              </span>
            ),
          },
          {
            header: t("period"),
            cell: (r) => t("periodValue", { from: formatDate(r.startsOn), to: formatDate(r.endsOn) }),
            className: "whitespace-nowrap",
          },
          { header: t("people"), cell: (r) => r.people, className: "text-right tabular-nums" },
          { header: t("notified"), cell: (r) => r.notified, className: "text-right tabular-nums" },
        ]}
      />
    </>
  );
}
