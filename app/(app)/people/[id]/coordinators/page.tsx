import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { personPage } from "@/lib/page-guards";
import { getCoordinators } from "@/lib/assignments/queries";
import { requireArea } from "@/lib/auth/session";
import { formatDate } from "@/lib/validation/dates";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { AddCoordinatorForm } from "@/components/assignments/add-coordinator-form";
import { EndAssignmentForm } from "@/components/assignments/end-assignment-form";
import { TakeOverForm } from "@/components/assignments/take-over-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coordinators"))("title") };
}

export default async function CoordinatorsPage({ params, searchParams }: PageProps<"/people/[id]/coordinators">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  const overview = await personPage(getCoordinators({ actor, personId: id }), `/people/${id}/coordinators`);
  const [t, ta] = await Promise.all([getTranslations("coordinators"), getTranslations("agencies")]);
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{ taken: t("saved.taken"), added: t("saved.added"), ended: t("saved.ended") }}
      />
      <PageHeader
        title={t("title")}
        intro={t("about", { name: overview.person.name })}
        actions={<Link href={`/people/${overview.person.id}`}>{t("backToFile")}</Link>}
      />
      <div className="grid gap-6 md:grid-cols-3">
        {overview.byAgency.map(({ agency, current, former }) => {
          const mayChange = agency === overview.ownAgency;
          return (
            <section
              key={agency}
              aria-labelledby={`agency-${agency}`}
              className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-4"
            >
              <h2 id={`agency-${agency}`} className="text-lg font-semibold">
                {ta(agency)}
              </h2>
              <div>
                <h3 className="mb-2 font-medium">{t("current")}</h3>
                {current.length === 0 ? (
                  <p>{t("noCurrent")}</p>
                ) : (
                  <ul className="flex flex-col gap-2">
                    {current.map((a) => (
                      <li key={a.id}>
                        <span className="font-medium">
                          {a.user.id === actor.id ? `${a.user.name} (${t("you")})` : a.user.name}
                        </span>{" "}
                        <span className="text-sm">{t("since", { date: formatDate(a.assignedAt) })}</span>
                        <br />
                        <span className="text-sm text-slate-700">{t("assignedBy", { name: a.assignedBy })}</span>
                        {mayChange ? <EndAssignmentForm assignmentId={a.id} name={a.user.name} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div>
                <h3 className="mb-2 font-medium">{t("former")}</h3>
                {former.length === 0 ? (
                  <p className="text-sm">{t("noFormer")}</p>
                ) : (
                  <ul className="flex flex-col gap-1 text-sm">
                    {former.map((a) => (
                      <li key={a.id}>
                        {a.user.name}: {t("period", { from: formatDate(a.assignedAt), to: formatDate(a.endedAt!) })}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {mayChange ? (
                <div className="flex flex-col gap-4 border-t border-slate-300 pt-4">
                  {overview.isCoordinator ? (
                    <p>{t("alreadyYou")}</p>
                  ) : (
                    <TakeOverForm personId={overview.person.id} actorId={actor.id} />
                  )}
                  <div>
                    <h3 className="mb-2 font-medium">{t("addTitle")}</h3>
                    {overview.colleagues.filter((c) => c.id !== actor.id).length === 0 ? (
                      <p className="text-sm">{t("noColleagues")}</p>
                    ) : (
                      <AddCoordinatorForm
                        personId={overview.person.id}
                        colleagues={overview.colleagues
                          .filter((c) => c.id !== actor.id)
                          .map((c) => ({ value: c.id, label: c.name }))}
                        agencyLabel={ta(agency)}
                      />
                    )}
                  </div>
                </div>
              ) : overview.ownAgency ? (
                <p className="text-sm text-slate-700">{t("onlyOwnAgency")}</p>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
