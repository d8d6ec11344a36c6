import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { findInviteCandidates, getCallIn } from "@/lib/callins/queries";
import { ZInviteSearch } from "@/lib/callins/schemas";
import { orNotFound } from "@/lib/page-guards";
import { formatDateTime } from "@/lib/validation/dates";
import { SavedNotice } from "@/components/ui/section";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CallInDetailView } from "@/components/callins/call-in-detail";
import { MarkAllAttendedForm } from "@/components/callins/attendance-forms";
import { InviteSearch } from "@/components/callins/invite-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callIn"))("title") };
}

export default async function CallInPage({ params, searchParams }: PageProps<"/call-ins/[id]">) {
  const actor = await requireArea("callIns");
  const { id } = await params;
  const query = await searchParams;
  const { q } = ZInviteSearch.parse({ q: query.q });
  const callIn = await orNotFound(getCallIn({ actor, callInId: id }));
  const canEdit = can(actor, "callIn", "update");
  const [t, ta, tv, candidates] = await Promise.all([
    getTranslations("callIn"),
    getTranslations("callInAttendance"),
    getTranslations("plannedVisits"),
    canEdit ? findInviteCandidates({ actor, callInId: callIn.id, q }) : null,
  ]);
  const stillInvited = callIn.attendees.filter((a) => a.status === "INVITED").length;
  // A call-in ahead is planned: its invitations stand, attendance is for afterwards (issue 15).
  const isPlanned = callIn.occurredAt > new Date();
  return (
    <>
      <SavedNotice
        value={query.saved}
        messages={{
          created: t("created"),
          updated: t("updated"),
          allAttended: ta("saved.allAttended"),
          invited: ta("saved.invited"),
        }}
      />
      <PageHeader
        title={t("heading", { venue: callIn.venue, when: formatDateTime(callIn.occurredAt) })}
        actions={
          <>
            {canEdit ? (
              <Link href={`/call-ins/${callIn.id}/edit`} className={buttonClass("primary")}>
                {t("edit")}
              </Link>
            ) : null}
            <Link href="/call-ins" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
          </>
        }
      />
      {isPlanned ? (
        <div className="mb-4">
          <Alert tone="info">{tv("callInPlanned", { count: stillInvited })}</Alert>
        </div>
      ) : null}
      <CallInDetailView
        callIn={callIn}
        attendanceAction={
          canEdit && callIn.isHeld && stillInvited > 0 ? (
            <MarkAllAttendedForm callInId={callIn.id} version={callIn.version} count={stillInvited} />
          ) : null
        }
      />
      {canEdit ? (
        <div className="mt-6">
          <InviteSearch callInId={callIn.id} version={callIn.version} q={q} candidates={candidates} />
        </div>
      ) : null}
    </>
  );
}
