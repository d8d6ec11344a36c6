import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getIncident } from "@/lib/incidents/queries";
import { orNotFound } from "@/lib/page-guards";
import { formatDateTime } from "@/lib/validation/dates";
import { SavedNotice } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { IncidentDetailView } from "@/components/incidents/incident-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incident"))("title") };
}

export default async function IncidentPage({ params, searchParams }: PageProps<"/incidents/[id]">) {
  const actor = await requireArea("incidents");
  const { id } = await params;
  const { saved } = await searchParams;
  const incident = await orNotFound(getIncident({ actor, incidentId: id }));
  const [t, tt] = await Promise.all([getTranslations("incident"), getTranslations("incidentType")]);
  return (
    <>
      <SavedNotice value={saved} messages={{ created: t("created"), updated: t("updated") }} />
      <PageHeader
        title={t("heading", {
          type: tt(incident.type),
          district: incident.district,
          when: formatDateTime(incident.occurredAt),
        })}
        actions={
          <>
            {can(actor, "incident", "update") ? (
              <Link href={`/incidents/${incident.id}/edit`} className={buttonClass("primary")}>
                {t("edit")}
              </Link>
            ) : null}
            <Link href="/incidents" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
          </>
        }
      />
      <IncidentDetailView incident={incident} />
    </>
  );
}
