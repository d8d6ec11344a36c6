import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getMeetingForm } from "@/lib/meetings/queries";
import { MEETING_AGENCIES, MEETING_STATUSES } from "@/lib/meetings/schemas";
import { orNotFound } from "@/lib/page-guards";
import { enumOptions } from "@/lib/labels";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetingForm"))("editTitle") };
}

export default async function EditMeetingPage({ params }: PageProps<"/meetings/[id]/edit">) {
  const actor = await requireArea("meetings");
  const { id } = await params;
  const { colleagues, meeting } = await orNotFound(getMeetingForm({ actor, meetingId: id }));
  if (!meeting) throw new Error("unreachable");
  const [t, ta, tm] = await Promise.all([
    getTranslations("meetingForm"),
    getTranslations("agencies"),
    getTranslations("meetingStatus"),
  ]);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <MeetingForm
          meeting={{ id: meeting.id, version: meeting.version, status: meeting.status }}
          defaults={{
            startsAt: toStockholmInputValue(meeting.startsAt),
            place: meeting.place,
            title: meeting.title ?? "",
            agencies: meeting.agencies,
            participantIds: meeting.participantIds,
          }}
          agencies={enumOptions(MEETING_AGENCIES, ta)}
          colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${ta(c.agency)})` }))}
          statuses={enumOptions(MEETING_STATUSES, tm)}
          cancelHref={`/meetings/${meeting.id}`}
        />
      </div>
    </>
  );
}
