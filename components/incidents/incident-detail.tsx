import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { IncidentDetail } from "@/lib/incidents/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { Facts, Panel } from "@/components/activities/facts";

export async function IncidentDetailView({ incident }: { incident: IncidentDetail }) {
  const [t, tt, tg, tpr, tgr] = await Promise.all([
    getTranslations("incident"),
    getTranslations("incidentType"),
    getTranslations("gmi"),
    getTranslations("incidentPersonRole"),
    getTranslations("incidentGroupRole"),
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Panel id="facts" title={t("facts")}>
        <Facts
          items={[
            [t("when"), formatDateTime(incident.occurredAt)],
            [t("type"), tt(incident.type)],
            [t("district"), incident.district],
            incident.place ? [t("place"), incident.place] : null,
            [t("killed"), String(incident.killed)],
            [t("injured"), String(incident.injured)],
            [t("gmi"), tg(incident.groupMemberInvolvement)],
            incident.description
              ? [
                  t("description"),
                  <span key="d" className="whitespace-pre-line">
                    {incident.description}
                  </span>,
                ]
              : null,
            [
              t("recordedBy"),
              t("recordedByValue", { name: incident.createdByName, when: formatDateTime(incident.createdAt) }),
            ],
          ]}
        />
      </Panel>
      <div className="flex flex-col gap-6">
        {incident.groups ? (
          <Panel id="groups" title={t("groups")}>
            {incident.groups.length === 0 ? (
              <p>{t("noGroups")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {incident.groups.map((g) => (
                  <li key={`${g.id}-${g.role}`}>
                    <span className="font-medium">{g.name}</span> – {tgr(g.role)}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        ) : null}
        {incident.people ? (
          <Panel id="people" title={t("people")}>
            {incident.people.length === 0 ? (
              <p>{t("noPeople")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {incident.people.map((p) => (
                  <li key={`${p.personId}-${p.role}`}>
                    <Link href={`/people/${p.personId}`} className="font-medium underline">
                      {p.name}
                    </Link>{" "}
                    – {tpr(p.role)}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        ) : (
          <p className="text-sm text-slate-700">{t("peopleHidden")}</p>
        )}
      </div>
    </div>
  );
}
