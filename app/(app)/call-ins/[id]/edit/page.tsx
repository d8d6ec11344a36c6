import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getCallIn, getCallInFormOptions } from "@/lib/callins/queries";
import { INVITEE_STATUSES, RESPONSES } from "@/lib/callins/schemas";
import { orNotFound } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { CallInForm } from "@/components/callins/call-in-form";
import { speakerOptions } from "@/components/callins/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callInForm"))("editTitle") };
}

export default async function EditCallInPage({ params }: PageProps<"/call-ins/[id]/edit">) {
  const actor = await requireArea("callIns");
  const { id } = await params;
  const [callIn, { colleagues, groups }] = await orNotFound(
    Promise.all([getCallIn({ actor, callInId: id, action: "update" }), getCallInFormOptions({ actor })]),
  );
  const [t, ts, tr, tp] = await Promise.all([
    getTranslations("callInForm"),
    getTranslations("inviteeStatus"),
    getTranslations("response"),
    getTranslations("personStatus"),
  ]);
  const speakerIds = (kind: string) => callIn.speakers.filter((s) => s.kind === kind && s.userId).map((s) => s.userId!);
  return (
    <>
      <PageHeader title={t("editTitle")} intro={t("editIntro", { venue: callIn.venue })} />
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <CallInForm
          callInId={callIn.id}
          version={callIn.version}
          defaults={{
            occurredAt: toStockholmInputValue(callIn.occurredAt),
            venue: callIn.venue,
            description: callIn.description ?? "",
            speakerPolice: speakerIds("POLICE"),
            speakerSocial: speakerIds("SOCIAL"),
            speakerProbation: speakerIds("PROBATION"),
            communitySpeakers: callIn.speakers
              .filter((s) => s.kind === "COMMUNITY")
              .map((s) => s.name)
              .join("\n"),
          }}
          speakers={speakerOptions(colleagues)}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          attendees={callIn.attendees.map((a) => ({
            personId: a.personId,
            name: a.name,
            note: a.personStatus !== "ACTIVE" ? tp(a.personStatus) : undefined,
            status: a.status,
            response: a.response ?? "",
            askedForHelp: a.askedForHelp,
          }))}
          statuses={enumOptions(INVITEE_STATUSES, ts)}
          responses={enumOptions(RESPONSES, tr)}
          cancelHref={`/call-ins/${callIn.id}`}
        />
      </div>
    </>
  );
}
