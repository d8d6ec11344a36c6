import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getMeasureFormOptions } from "@/lib/plans/queries";
import { stockholmToday } from "@/lib/validation/dates";
import { PageHeader } from "@/components/ui/page-header";
import { AddMeasureForm } from "@/components/plans/plan-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planForm"))("addTitle") };
}

/** A month ahead: a measure agreed at a meeting is usually looked at again at the next one. */
function defaultDueOn(): string {
  const d = new Date(`${stockholmToday()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

export default async function NewPlanMeasurePage({ params }: PageProps<"/people/[id]/plan/measures/new">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { person, planId, responsibles } = await personPage(
    getMeasureFormOptions({ actor, personId: id }),
    `/people/${id}/plan/measures/new`,
  );
  const [t, ta] = await Promise.all([getTranslations("planForm"), getTranslations("agencies")]);
  return (
    <>
      <PageHeader
        title={t("addTitle")}
        intro={`${t("aboutPerson", { person: person.name })} ${t("addIntro", { agency: actor.agency ? ta(actor.agency) : "" })}`}
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <AddMeasureForm
          personId={person.id}
          planId={planId}
          responsibles={responsibles.map((u) => ({ value: u.id, label: u.name }))}
          defaults={{ responsibleId: actor.id, dueOn: defaultDueOn() }}
        />
      </div>
    </>
  );
}
