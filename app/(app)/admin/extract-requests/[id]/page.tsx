import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getExtractRequest } from "@/lib/register-extract/queries";
import { EXTRACT_OPEN_MINUTES } from "@/lib/register-extract/window";
import { formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { SavedNotice, Section } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ProduceExtractForm } from "@/components/register-extract/produce-extract-form";
import { RequestDetails } from "@/components/register-extract/request-details";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extractRequests"))("title") };
}

/**
 * ADMIN: one request. Approved: "Ta fram utdrag". Produced: for the producer, within the window,
 * plain links (no prefetch) to the printable page and the files; afterwards only what happened.
 */
export default async function AdminExtractRequestPage({
  params,
  searchParams,
}: PageProps<"/admin/extract-requests/[id]">) {
  const actor = await requireArea("admin");
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const request = await orNotFound(getExtractRequest({ actor, requestId: id }));
  const [t, te] = await Promise.all([getTranslations("extractRequests"), getTranslations("extract")]);
  const query = (format?: "json" | "csv") =>
    new URLSearchParams({ request: request.id, ...(format ? { format } : {}) }).toString();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/extract-requests">{t("back")}</Link>
      </p>
      <PageHeader
        title={t("heading", { reference: request.reference })}
        actions={
          <Link href={`/admin/audit/people/${request.person.id}`} className={buttonClass("secondary")}>
            {t("readers")}
          </Link>
        }
      />
      <SavedNotice value={done} messages={{ registered: t("doneRegistered"), produced: t("doneProduced") }} />
      <RequestDetails request={request} />
      {request.status === "REGISTERED" ? <Alert tone="info">{t("awaitingDecision")}</Alert> : null}
      {request.status === "REJECTED" ? (
        <Alert tone="warning">{t("rejected", { note: request.decisionNote ?? "–" })}</Alert>
      ) : null}
      {request.canProduce ? <ProduceExtractForm requestId={request.id} minutes={EXTRACT_OPEN_MINUTES} /> : null}
      {request.status === "PRODUCED" ? (
        <Section id="open-title" title={t("openTitle")} className="sm:p-6">
          {request.openUntil ? (
            <>
              <p className="mb-3">{t("openUntil", { time: formatDateTime(request.openUntil) })}</p>
              {/* Plain links: Next.js prefetches <Link>s, and every opening is an audited export. */}
              <div className="flex flex-wrap gap-2">
                <a href={`/people/${request.person.id}/extract?${query()}`} className={buttonClass("primary")}>
                  {t("openExtract")}
                </a>
                <a
                  href={`/people/${request.person.id}/extract/file?${query("json")}`}
                  className={buttonClass("secondary")}
                >
                  {te("downloadJson")}
                </a>
                <a
                  href={`/people/${request.person.id}/extract/file?${query("csv")}`}
                  className={buttonClass("secondary")}
                >
                  {te("downloadCsv")}
                </a>
              </div>
            </>
          ) : (
            <p>
              {t("closed", {
                date: request.producedAt ? formatDateTime(request.producedAt) : "–",
                name: request.producedBy?.name ?? "–",
              })}
            </p>
          )}
        </Section>
      ) : null}
    </>
  );
}
