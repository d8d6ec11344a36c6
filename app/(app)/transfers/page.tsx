import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listIncomingTransfers } from "@/lib/transfers/queries";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/section";
import { formatDate } from "@/lib/validation/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfers"))("incomingTitle") };
}

/** "Inkommande akter": files other sites' social services sent here (audited, lib/transfers). */
export default async function IncomingTransfersPage({ searchParams }: PageProps<"/transfers">) {
  const actor = await requireArea("transfers");
  const { saved } = await searchParams;
  const [rows, t] = await Promise.all([listIncomingTransfers({ actor }), getTranslations("transfers")]);
  return (
    <>
      <SavedNotice value={saved} messages={{ declined: t("incomingSaved.declined") }} />
      <PageHeader title={t("incomingTitle")} intro={t("incomingAbout")} />
      <DataTable
        caption={t("incomingTitle")}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t("incomingEmpty")}
        columns={[
          {
            header: t("colName"),
            primary: true,
            cell: (r) => (
              <Link href={`/transfers/${r.id}`} className="font-medium text-brand-700 underline">
                {r.name}
              </Link>
            ),
          },
          { header: t("colBirthYear"), cell: (r) => r.birthYear ?? "–" },
          { header: t("colIdentityNumber"), cell: (r) => r.maskedIdentityNumber ?? "–" },
          { header: t("colFrom"), cell: (r) => r.fromSite },
          { header: t("colSent"), cell: (r) => formatDate(r.sentAt) },
        ]}
      />
    </>
  );
}
