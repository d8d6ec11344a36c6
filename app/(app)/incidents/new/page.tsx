import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getIncidentFormOptions } from "@/lib/incidents/queries";
import { GMI_VALUES, INCIDENT_TYPES } from "@/lib/incidents/schemas";
import { orNotFound } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { IncidentForm } from "@/components/incidents/incident-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidentForm"))("newTitle") };
}

export default async function NewIncidentPage() {
  const actor = await requireArea("incidents");
  const { groups, districts } = await orNotFound(getIncidentFormOptions({ actor }));
  const [t, tt, tg] = await Promise.all([
    getTranslations("incidentForm"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
  ]);
  return (
    <>
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <IncidentForm
          defaults={{
            occurredAt: toStockholmInputValue(new Date()),
            type: "",
            district: "",
            place: "",
            killed: "0",
            injured: "0",
            groupMemberInvolvement: "UNKNOWN",
            description: "",
            suspectedGroupIds: [],
            victimGroupIds: [],
          }}
          linkedPeople={[]}
          types={enumOptions(INCIDENT_TYPES, tt)}
          involvement={enumOptions(GMI_VALUES, tg)}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          districts={districts}
          cancelHref="/incidents"
        />
      </div>
    </>
  );
}
