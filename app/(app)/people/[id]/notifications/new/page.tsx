import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getNotificationFormOptions } from "@/lib/notifications/queries";
import { AGENCIES, OUTCOMES, PLACES, RESPONSES } from "@/lib/notifications/schemas";
import { personPage } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { LogNotificationForm } from "@/components/notifications/log-notification-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notificationForm"))("title") };
}

export default async function NewNotificationPage({ params }: PageProps<"/people/[id]/notifications/new">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { person, colleagues } = await personPage(
    getNotificationFormOptions({ actor, personId: id }),
    `/people/${id}/notifications/new`,
  );
  const [t, ta, tp, to, tr, troles] = await Promise.all([
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
      <PageHeader title={t("title")} intro={t("about", { name: `${person.firstName} ${person.lastName}` })} />
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
        />
      </div>
    </>
  );
}
