import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getCallIn } from "@/lib/callins/queries";
import { orNotFound } from "@/lib/page-guards";
import { formatDateTime } from "@/lib/validation/dates";
import { SavedNotice } from "@/components/ui/section";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CallInDetailView } from "@/components/callins/call-in-detail";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callIn"))("title") };
}

export default async function CallInPage({ params, searchParams }: PageProps<"/call-ins/[id]">) {
  const actor = await requireArea("callIns");
  const { id } = await params;
  const { saved } = await searchParams;
  const callIn = await orNotFound(getCallIn({ actor, callInId: id }));
  const [t, tv] = await Promise.all([getTranslations("callIn"), getTranslations("plannedVisits")]);
  // A call-in ahead is planned: its invitations stand, attendance is for afterwards (issue 15).
  const isPlanned = callIn.occurredAt > new Date();
  return (
    <>
      <SavedNotice value={saved} messages={{ created: t("created"), updated: t("updated") }} />
      <PageHeader
        title={t("heading", { venue: callIn.venue, when: formatDateTime(callIn.occurredAt) })}
        actions={
          <>
            {can(actor, "callIn", "update") ? (
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
          <Alert tone="info">
            {tv("callInPlanned", { count: callIn.attendees.filter((a) => a.status === "INVITED").length })}
          </Alert>
        </div>
      ) : null}
      <CallInDetailView callIn={callIn} />
    </>
  );
}
