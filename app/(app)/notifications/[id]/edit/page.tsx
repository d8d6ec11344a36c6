import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getNotificationForEdit } from "@/lib/notifications/queries";
import { AGENCIES, OUTCOMES, PLACES, RESPONSES } from "@/lib/notifications/schemas";
import { personPage } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { LogNotificationForm } from "@/components/notifications/log-notification-form";
import { roundOptions } from "@/components/visits/round-options";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationEdit"))("title") };
}

export default async function EditNotificationPage({ params }: PageProps<"/notifications/[id]/edit">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const {
    notification: n,
    colleagues,
    flags,
    rounds,
  } = await personPage(getNotificationForEdit({ actor, notificationId: id }), `/notifications/${id}/edit`);
  const [t, tf, ta, tp, to, tr, troles] = await Promise.all([
    getTranslations("notificationEdit"),
    getTranslations("notificationForm"),
    getTranslations("agencies"),
    getTranslations("placeType"),
    getTranslations("outcome"),
    getTranslations("response"),
    getTranslations("roles"),
  ]);
  const agency = actor.agency ?? "POLICE";
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: `${n.person.firstName} ${n.person.lastName}` })} />
      <WarningFlagAlert flags={flags} />
      {n.person.status === "DEPRIVED_OF_LIBERTY" ? (
        <div className="mb-4">
          <Alert tone="warning">{tf("deprivedWarning")}</Alert>
        </div>
      ) : null}
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <LogNotificationForm
          personId={n.person.id}
          edit={{
            notificationId: n.id,
            version: n.version,
            defaults: {
              placeType: n.placeType,
              placeDescription: n.placeDescription ?? "",
              agencies: n.agencies,
              participantIds: n.participantIds,
              outcome: n.outcome,
              response: n.response ?? "",
              askedForHelpOnSite: n.askedForHelpOnSite,
              nextStep: n.nextStep ?? "",
              internalNote: n.internalNote ?? "",
              roundId: n.roundId ?? "",
            },
          }}
          defaultOccurredAt={toStockholmInputValue(n.occurredAt)}
          defaultAgency={agency}
          agencyLabel={ta(agency)}
          places={enumOptions(PLACES, tp)}
          agencies={enumOptions(AGENCIES, ta)}
          outcomes={enumOptions(OUTCOMES, to)}
          responses={enumOptions(RESPONSES, tr)}
          colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${troles(c.role)})` }))}
          actorId={actor.id}
          rounds={roundOptions(rounds.rounds)}
          defaultRoundId={n.roundId ?? ""}
        />
      </div>
    </>
  );
}
