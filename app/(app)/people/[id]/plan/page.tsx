import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPlan } from "@/lib/plans/queries";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/section";
import { PlanHeader, PlanMeasures } from "@/components/plans/plan-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("title") };
}

export default async function PlanPage({ params, searchParams }: PageProps<"/people/[id]/plan">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  // Outside the actor's caseload, the reason form comes first (lib/caseload-gate).
  const view = await personPage(getPlan({ actor, personId: id }), `/people/${id}/plan`);
  const t = await getTranslations("plan");
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{ created: t("saved.created"), updated: t("saved.updated"), measure: t("saved.measure") }}
      />
      <PageHeader
        title={t("heading", { name: view.person.name })}
        intro={t("intro")}
        actions={
          <Link href={`/people/${view.person.id}`} className={buttonClass("secondary")}>
            {t("backToFile")}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <PlanHeader view={view} />
        <PlanMeasures view={view} />
      </div>
    </>
  );
}
