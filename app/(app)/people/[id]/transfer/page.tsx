import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPersonTransferState } from "@/lib/transfers/queries";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { CancelTransferForm } from "@/components/transfers/cancel-transfer-form";
import { RequestTransferForm } from "@/components/transfers/request-transfer-form";
import { PersonTransferNotice } from "@/components/transfers/transfer-notice";
import { formatDate } from "@/lib/validation/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfers"))("title") };
}

export default async function PersonTransferPage({ params, searchParams }: PageProps<"/people/[id]/transfer">) {
  const actor = await requireArea("transfers");
  const { id } = await params;
  const { saved } = await searchParams;
  const state = await personPage(getPersonTransferState({ actor, personId: id }), `/people/${id}/transfer`);
  const [t, ts] = await Promise.all([getTranslations("transfers"), getTranslations("fileTransferStatus")]);
  const carries = (c: { plan: boolean; referrals: boolean; supportMeasures: boolean }) =>
    [
      t("carriesProfile"),
      ...(c.plan ? [t("carriesPlan")] : []),
      ...(c.referrals ? [t("carriesReferrals")] : []),
      ...(c.supportMeasures ? [t("carriesSupportMeasures")] : []),
    ].join(", ");
  return (
    <>
      <SavedNotice value={saved} messages={{ requested: t("saved.requested"), cancelled: t("saved.cancelled") }} />
      <PageHeader title={t("title")} intro={t("about", { name: state.name })} />
      <PersonTransferNotice state={state} canMove={false} />
      {state.open && state.can.cancel ? (
        <CancelTransferForm transferId={state.open.id} version={state.open.version} />
      ) : null}
      {state.can.request ? (
        <div className="my-6 max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <RequestTransferForm
            personId={state.personId}
            sites={state.sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
      ) : null}
      <Section id="transfer-history" title={t("historyTitle")} className="mt-6">
        <DataTable
          caption={t("historyTitle")}
          rows={state.history}
          rowKey={(r) => r.id}
          empty={t("historyEmpty")}
          columns={[
            { header: t("colSent"), cell: (r) => formatDate(r.sentAt), primary: true },
            { header: t("colTo"), cell: (r) => r.toSite ?? t("hidden") },
            { header: t("colStatus"), cell: (r) => ts(r.status) },
            { header: t("colConsent"), cell: (r) => `${r.consentReference} (${formatDate(r.consentGivenOn)})` },
            { header: t("colCarries"), cell: (r) => carries(r.carries) },
          ]}
        />
      </Section>
    </>
  );
}
