import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getCallInFormOptions } from "@/lib/callins/queries";
import { INVITEE_STATUSES, RESPONSES } from "@/lib/callins/schemas";
import { orNotFound } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { CallInForm } from "@/components/callins/call-in-form";
import { speakerOptions } from "@/components/callins/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callInForm"))("newTitle") };
}

export default async function NewCallInPage() {
  const actor = await requireArea("callIns");
  const { colleagues, groups } = await orNotFound(getCallInFormOptions({ actor }));
  const [t, ts, tr] = await Promise.all([
    getTranslations("callInForm"),
    getTranslations("inviteeStatus"),
    getTranslations("response"),
  ]);
  return (
    <>
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <div className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <CallInForm
          defaults={{
            occurredAt: toStockholmInputValue(new Date()),
            venue: "",
            description: "",
            speakerPolice: [],
            speakerSocial: [],
            speakerProbation: [],
            communitySpeakers: "",
          }}
          speakers={speakerOptions(colleagues)}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          statuses={enumOptions(INVITEE_STATUSES, ts)}
          responses={enumOptions(RESPONSES, tr)}
          cancelHref="/call-ins"
        />
      </div>
    </>
  );
}
