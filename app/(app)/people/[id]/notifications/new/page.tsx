import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getNotificationFormOptions } from "@/lib/notifications/queries";
import { AGENCIES, OUTCOMES, PLACES, RESPONSES } from "@/lib/notifications/schemas";
import { personPage } from "@/lib/page-guards";
import { z } from "zod";
import { formatDate, toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { LogNotificationForm } from "@/components/notifications/log-notification-form";
import { roundOptions } from "@/components/visits/round-options";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationForm"))("title") };
}

export default async function NewNotificationPage({
  params,
  searchParams,
}: PageProps<"/people/[id]/notifications/new">) {
  const actor = await requireArea("people");
  const { id } = await params;
  // Logging the visit of a plan (/visits/[id]): the form starts from the plan.
  const { plannedVisitId } = z
    .object({ plannedVisitId: z.string().optional().catch(undefined) })
    .parse(await searchParams);
  const { person, colleagues, flags, rounds, plan } = await personPage(
    getNotificationFormOptions({ actor, personId: id, plannedVisitId }),
    `/people/${id}/notifications/new${plannedVisitId ? `?${new URLSearchParams({ plannedVisitId })}` : ""}`,
  );
  const [t, ta, tp, to, tr, troles, tv] = await Promise.all([
    getTranslations("notificationForm"),
    getTranslations("agencies"),
    getTranslations("placeType"),
    getTranslations("outcome"),
    getTranslations("response"),
    getTranslations("roles"),
    getTranslations("plannedVisits"),
  ]);
  const agency = actor.agency ?? "POLICE";
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: `${person.firstName} ${person.lastName}` })} />
      <WarningFlagAlert flags={flags} />
      {plan ? (
        <div className="mb-4">
          <Alert tone="info">
            {tv("fromPlan", { from: formatDate(plan.windowStartsOn), to: formatDate(plan.windowEndsOn) })}
          </Alert>
        </div>
      ) : null}
      {person.status === "DEPRIVED_OF_LIBERTY" ? (
        <div className="mb-4">
          <Alert tone="warning">{t("deprivedWarning")}</Alert>
        </div>
      ) : null}
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <LogNotificationForm
          personId={person.id}
          defaultOccurredAt={toStockholmInputValue(new Date())}
          defaultAgency={agency}
          agencyLabel={ta(agency)}
          places={enumOptions(PLACES, tp)}
          agencies={enumOptions(AGENCIES, ta)}
          outcomes={enumOptions(OUTCOMES, to)}
          responses={enumOptions(RESPONSES, tr)}
          colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${troles(c.role)})` }))}
          actorId={actor.id}
          rounds={roundOptions(rounds.rounds)}
          defaultRoundId={plan ? (plan.roundId ?? "") : (rounds.current ?? "")}
          fromPlan={
            plan
              ? {
                  plannedVisitId: plan.id,
                  placeType: plan.placeType,
                  placeDescription: plan.placeDescription ?? "",
                  participantIds: plan.teamIds.includes(actor.id) ? plan.teamIds : [actor.id, ...plan.teamIds],
                }
              : undefined
          }
        />
      </div>
    </>
  );
}
