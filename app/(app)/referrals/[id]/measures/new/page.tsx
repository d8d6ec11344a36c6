import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getSupportMeasureFormOptions } from "@/lib/referrals/queries";
import { MEASURE_STATUSES, MEASURE_TYPES } from "@/lib/referrals/schemas";
import { stockholmToday } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { SupportMeasureForm } from "@/components/referrals/support-measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measureForm"))("newTitle") };
}

export default async function NewSupportMeasurePage({ params }: PageProps<"/referrals/[id]/measures/new">) {
  const actor = await requireArea("referrals");
  const { id } = await params;
  const options = await personPage(
    getSupportMeasureFormOptions({ actor, referralId: id }),
    `/referrals/${id}/measures/new`,
  );
  const [t, tt, ts] = await Promise.all([
    getTranslations("measureForm"),
    getTranslations("supportMeasureType"),
    getTranslations("supportMeasureStatus"),
  ]);
  return (
    <>
      <PageHeader title={t("newTitle")} intro={t("about", { name: options.personName })} />
      {options.isClosed ? (
        <Alert tone="info">{t("closed")}</Alert>
      ) : (
        <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <SupportMeasureForm
            referralId={options.referralId}
            isHandler={options.isHandler}
            defaults={{
              type: "",
              status: "PLANNED",
              startsOn: stockholmToday(),
              endsOn: "",
              outcome: "",
              destinationTown: "",
            }}
            types={enumOptions(MEASURE_TYPES, tt)}
            statuses={enumOptions(MEASURE_STATUSES, ts)}
          />
        </div>
      )}
    </>
  );
}
