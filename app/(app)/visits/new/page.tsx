import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { enumOptions } from "@/lib/labels";
import { getPlanVisitFormOptions } from "@/lib/visits/queries";
import { PLACE_TYPES } from "@/lib/visits/schemas";
import { weekOf } from "@/lib/visits/week";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";
import { PlanVisitForm } from "@/components/visits/plan-visit-form";
import { roundOptions } from "@/components/visits/round-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("visitPlanForm"))("title") };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export default async function PlanVisitPage({ searchParams }: PageProps<"/visits/new">) {
  const actor = await requireArea("visits");
  const { personId } = z.object({ personId: z.string().catch("") }).parse(await searchParams);
  const { person, flags, colleagues, rounds } = await personPage(
    getPlanVisitFormOptions({ actor, personId }),
    `/visits/new?${new URLSearchParams({ personId })}`,
  );
  const [t, tf, tp, troles] = await Promise.all([
    getTranslations("visitPlanForm"),
    getTranslations("notificationForm"),
    getTranslations("placeType"),
    getTranslations("roles"),
  ]);
  const { today, sunday } = weekOf(new Date());
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: person.name })} />
      <WarningFlagAlert flags={flags} />
      {person.status === "DEPRIVED_OF_LIBERTY" ? (
        <div className="mb-4">
          <Alert tone="warning">{tf("deprivedWarning")}</Alert>
        </div>
      ) : null}
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <PlanVisitForm
          personId={person.id}
          actorId={actor.id}
          places={enumOptions(PLACE_TYPES, tp)}
          colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${troles(c.role)})` }))}
          rounds={roundOptions(rounds.rounds)}
          defaultRoundId={rounds.current ?? ""}
          defaultStartsOn={iso(today)}
          defaultEndsOn={iso(sunday)}
        />
      </div>
    </>
  );
}
