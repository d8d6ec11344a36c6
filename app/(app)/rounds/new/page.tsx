import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getRoundFormOptions } from "@/lib/rounds/queries";
import { PageHeader } from "@/components/ui/page-header";
import { RoundForm } from "@/components/visits/round-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roundForm"))("title") };
}

export default async function NewRoundPage() {
  const actor = await requireArea("visits");
  const [t, { groups, caseload }] = await Promise.all([
    getTranslations("roundForm"),
    orNotFound(getRoundFormOptions({ actor })),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <RoundForm
          groups={groups.map((g) => ({
            value: g.id,
            label: g.isPrioritized ? t("prioritized", { name: g.name }) : g.name,
          }))}
          caseload={caseload.map((p) => ({ value: p.id, label: p.name }))}
          cancelHref="/rounds"
        />
      </div>
    </>
  );
}
