import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPlanForEdit } from "@/lib/plans/queries";
import { PageHeader } from "@/components/ui/page-header";
import { PlanForm } from "@/components/plans/plan-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planForm"))("editTitle") };
}

export default async function EditPlanPage({ params }: PageProps<"/people/[id]/plan/edit">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { person, plan } = await personPage(getPlanForEdit({ actor, personId: id }), `/people/${id}/plan/edit`);
  const t = await getTranslations("planForm");
  return (
    <>
      <PageHeader title={plan ? t("editTitle") : t("createTitle")} intro={t("aboutPerson", { person: person.name })} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <PlanForm
          personId={person.id}
          plan={
            plan
              ? {
                  id: plan.id,
                  version: plan.version,
                  goals: plan.goals,
                  reviewOn: plan.reviewOn ? plan.reviewOn.toISOString().slice(0, 10) : "",
                }
              : null
          }
        />
      </div>
    </>
  );
}
