import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getExtractRequest } from "@/lib/register-extract/queries";
import { Alert } from "@/components/ui/alert";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { DecideRequestForm } from "@/components/register-extract/decide-request-form";
import { RequestDetails } from "@/components/register-extract/request-details";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extractRequests"))("managerTitle") };
}

/** MANAGER: what is needed to decide one request (never case content), and the decision. */
export default async function ExtractDecisionPage({ params, searchParams }: PageProps<"/extract-requests/[id]">) {
  const actor = await requireArea("extractDecisions");
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const request = await orNotFound(getExtractRequest({ actor, requestId: id }));
  const t = await getTranslations("extractRequests");
  return (
    <>
      <p className="mb-2">
        <Link href="/extract-requests">{t("backManager")}</Link>
      </p>
      <PageHeader title={t("heading", { reference: request.reference })} />
      <SavedNotice value={done} messages={{ approved: t("doneApproved"), rejected: t("doneRejected") }} />
      <RequestDetails request={request} />
      {request.isOwnRegistration && request.status === "REGISTERED" ? (
        <Alert tone="info">{t("ownRegistration")}</Alert>
      ) : null}
      {request.canDecide ? <DecideRequestForm requestId={request.id} version={request.version} /> : null}
    </>
  );
}
