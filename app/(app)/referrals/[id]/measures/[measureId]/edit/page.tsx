import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getSupportMeasureForEdit } from "@/lib/referrals/queries";
import { MEASURE_STATUSES, MEASURE_TYPES } from "@/lib/referrals/schemas";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { SupportMeasureForm } from "@/components/referrals/support-measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measureForm"))("editTitle") };
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function EditSupportMeasurePage({
  params,
}: PageProps<"/referrals/[id]/measures/[measureId]/edit">) {
  const actor = await requireArea("referrals");
  const { id, measureId } = await params;
  const measure = await personPage(
    getSupportMeasureForEdit({ actor, measureId }),
    `/referrals/${id}/measures/${measureId}/edit`,
  );
  if (measure.referralId !== id) notFound();
  const [t, tt, ts] = await Promise.all([
    getTranslations("measureForm"),
    getTranslations("supportMeasureType"),
    getTranslations("supportMeasureStatus"),
  ]);
  return (
    <>
      <PageHeader title={t("editTitle")} intro={t("about", { name: measure.personName })} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <SupportMeasureForm
          referralId={measure.referralId}
          measureId={measure.id}
          version={measure.version}
          isHandler={measure.isHandler}
          defaults={{
            type: measure.type,
            status: measure.status,
            startsOn: isoDate(measure.startsOn),
            endsOn: isoDate(measure.endsOn),
            outcome: measure.outcome ?? "",
            destinationTown: measure.destinationTown ?? "",
          }}
          types={enumOptions(MEASURE_TYPES, tt)}
          statuses={enumOptions(MEASURE_STATUSES, ts)}
        />
      </div>
    </>
  );
}
