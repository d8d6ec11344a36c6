import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { personPage } from "@/lib/page-guards";
import { getReferral } from "@/lib/referrals/queries";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { ChangeStatusForm } from "@/components/referrals/change-status-form";
import { FullReferral, StatusOnlyReferral } from "@/components/referrals/referral-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referral"))("title") };
}

export default async function ReferralPage({ params, searchParams }: PageProps<"/referrals/[id]">) {
  const actor = await requireArea("referrals");
  const { id } = await params;
  const { saved } = await searchParams;
  const detail = await personPage(getReferral({ actor, referralId: id }), `/referrals/${id}`);
  const [t, ts] = await Promise.all([getTranslations("referral"), getTranslations("referralStatus")]);
  const name = detail.referral.personName;
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{ created: t("saved_created"), status: t("saved_status"), measure: t("saved_measure") }}
      />
      <PageHeader title={t("heading", { name })} />
      {detail.kind === "statusOnly" ? (
        <StatusOnlyReferral detail={detail} />
      ) : (
        <FullReferral
          detail={detail}
          canChange={can(actor, "referral", "update")}
          statusForm={
            <ChangeStatusForm
              // A new version remounts the form, so a saved step never lingers in it.
              key={detail.referral.version}
              referralId={detail.referral.id}
              version={detail.referral.version}
              defaultChangedAt={toStockholmInputValue(new Date())}
              nextStatuses={enumOptions(detail.nextStatuses, ts)}
            />
          }
        />
      )}
    </>
  );
}
