import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getMeetingForm } from "@/lib/meetings/queries";
import { MEETING_AGENCIES, MEETING_STATUSES } from "@/lib/meetings/schemas";
import { orNotFound } from "@/lib/page-guards";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingForm } from "@/components/meetings/meeting-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetingForm"))("newTitle") };
}

export default async function NewMeetingPage() {
  const actor = await requireArea("meetings");
  const { colleagues } = await orNotFound(getMeetingForm({ actor }));
  const [t, ta, tm] = await Promise.all([
    getTranslations("meetingForm"),
    getTranslations("agencies"),
    getTranslations("meetingStatus"),
  ]);
  return (
    <>
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <MeetingForm
          defaults={{
            startsAt: "",
            place: "",
            title: "",
            agencies: actor.agency ? [actor.agency] : [],
            participantIds: [actor.id],
          }}
          agencies={enumOptions(MEETING_AGENCIES, ta)}
          colleagues={colleagues.map((c) => ({ value: c.id, label: `${c.name} (${ta(c.agency)})` }))}
          statuses={enumOptions(MEETING_STATUSES, tm)}
          cancelHref="/meetings"
        />
      </div>
    </>
  );
}
