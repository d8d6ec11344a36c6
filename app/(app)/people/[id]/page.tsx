import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPersonFile } from "@/lib/people/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { PersonFileActions } from "@/components/people/person-file-actions";
import { PersonMemberships } from "@/components/people/person-memberships";
import { PersonProfile } from "@/components/people/person-profile";
import { PersonPlanSection } from "@/components/plans/plan-view";
import { Timeline } from "@/components/people/timeline";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";
import { PersonTransferNotice } from "@/components/transfers/transfer-notice";
import { getPersonTransferState } from "@/lib/transfers/queries";
import { canUseArea } from "@/lib/authz";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params, searchParams }: PageProps<"/people/[id]">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  // Outside the actor's caseload, the reason form comes first (lib/caseload-gate).
  const person = await personPage(getPersonFile({ actor, personId: id }), `/people/${id}`);
  const [t, tflags, ttransfer, transfer] = await Promise.all([
    getTranslations("person"),
    getTranslations("warningFlags"),
    getTranslations("transfers"),
    getPersonTransferState({ actor, personId: person.id }),
  ]);
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{
          notification: t("saved.notification"),
          notificationUpdated: t("saved.notificationUpdated"),
          created: t("saved.created"),
          updated: t("saved.updated"),
          membership: t("saved.membership"),
          protected: t("saved.protected"),
          unprotected: t("saved.unprotected"),
          warningFlag: tflags("saved"),
          warningFlagEnded: tflags("savedEnded"),
          transferredIn: ttransfer("saved.transferredIn"),
        }}
      />
      <PageHeader title={`${person.firstName} ${person.lastName}`} actions={<PersonFileActions person={person} />} />
      <WarningFlagAlert flags={person.warningFlags} allowEnd />
      <PersonTransferNotice state={transfer} canMove={canUseArea(actor.role, "transfers") && transfer.can.request} />
      <div className="grid gap-6 md:grid-cols-3 print:block">
        <div className="flex flex-col gap-6 md:col-span-1 print:mb-4 print:gap-4">
          <PersonProfile person={person} />
          <PersonMemberships person={person} />
          <PersonPlanSection personId={person.id} />
        </div>
        <Section id="timeline" title={t("timeline")} intro={t("timelineHint")} framed={false} className="md:col-span-2">
          <Timeline
            entries={person.timeline}
            canEditNotification={person.can.editNotification}
            canOpenReferral={person.can.openReferral}
          />
          {person.timelineTruncated ? <p className="mt-3 text-sm">{t("timelineTruncated")}</p> : null}
        </Section>
      </div>
    </>
  );
}
