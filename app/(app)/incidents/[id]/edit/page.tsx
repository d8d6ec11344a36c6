import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getIncident, getIncidentFormOptions } from "@/lib/incidents/queries";
import { GMI_VALUES, INCIDENT_TYPES } from "@/lib/incidents/schemas";
import { orNotFound } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { IncidentForm } from "@/components/incidents/incident-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidentForm"))("editTitle") };
}

export default async function EditIncidentPage({ params }: PageProps<"/incidents/[id]/edit">) {
  const actor = await requireArea("incidents");
  const { id } = await params;
  const [incident, { groups, districts }] = await orNotFound(
    Promise.all([getIncident({ actor, incidentId: id, action: "update" }), getIncidentFormOptions({ actor })]),
  );
  const [t, tt, tg, tpr] = await Promise.all([
    getTranslations("incidentForm"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
    getTranslations("incidentPersonRole"),
  ]);
  const groupIds = (role: "SUSPECTED" | "VICTIM_SIDE") =>
    (incident.groups ?? []).filter((g) => g.role === role).map((g) => g.id);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <IncidentForm
          incidentId={incident.id}
          version={incident.version}
          defaults={{
            occurredAt: toStockholmInputValue(incident.occurredAt),
            type: incident.type,
            district: incident.district,
            place: incident.place ?? "",
            killed: String(incident.killed),
            injured: String(incident.injured),
            groupMemberInvolvement: incident.groupMemberInvolvement,
            description: incident.description ?? "",
            suspectedGroupIds: groupIds("SUSPECTED"),
            victimGroupIds: groupIds("VICTIM_SIDE"),
          }}
          linkedPeople={(incident.people ?? []).map((p) => ({
            value: `${p.personId}:${p.role}`,
            label: `${p.name}${p.maskedIdentityNumber ? ` (${p.maskedIdentityNumber})` : ""} – ${tpr(p.role)}`,
          }))}
          types={enumOptions(INCIDENT_TYPES, tt)}
          involvement={enumOptions(GMI_VALUES, tg)}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          districts={districts}
          cancelHref={`/incidents/${incident.id}`}
        />
      </div>
    </>
  );
}
