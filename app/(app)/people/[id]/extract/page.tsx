import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getRegisterExtract } from "@/lib/register-extract";
import { formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/audit/print-button";
import { RegisterExtractView } from "@/components/audit/register-extract-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extract"))("title") };
}

/**
 * The printable register extract of one produced request (`?request=<id>`), with the same extract
 * as a JSON or CSV file. Only the administrator who produced it, within the window after "Ta fram
 * utdrag"; anything else (the old `?ref=` included) is not-found.tsx beside this page. Reading it
 * changes nothing but the audit log, like every read of personal data.
 */
export default async function RegisterExtractPage({ params, searchParams }: PageProps<"/people/[id]/extract">) {
  const actor = await requireArea("admin");
  const [{ id }, { request }] = await Promise.all([params, searchParams]);
  const extract = await orNotFound(
    getRegisterExtract({ actor, personId: id, requestId: typeof request === "string" ? request : "", format: "html" }),
  );
  const [t, tr] = await Promise.all([getTranslations("extract"), getTranslations("extractRequests")]);
  const file = (format: "json" | "csv") =>
    `/people/${extract.personId}/extract/file?${new URLSearchParams({ request: extract.requestId, format })}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("about", {
          name: extract.personLabel || t("anonymised"),
          reference: extract.requestReference,
          date: formatDateTime(extract.producedAt),
        })}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton />
            {/* Plain links: Next.js prefetches <Link>s, and every opening is an audited export. */}
            <a href={file("json")} className={buttonClass("secondary")}>
              {t("downloadJson")}
            </a>
            <a href={file("csv")} className={buttonClass("secondary")}>
              {t("downloadCsv")}
            </a>
            <Link href={`/admin/extract-requests/${extract.requestId}`} className={buttonClass("ghost")}>
              {tr("heading", { reference: extract.requestReference })}
            </Link>
          </div>
        }
      />
      <div className="mb-6 flex flex-col gap-2">
        <Alert tone="warning">{t("reviewBeforeRelease")}</Alert>
        <p className="text-slate-700 print:hidden">{tr("openUntil", { time: formatDateTime(extract.openUntil) })}</p>
      </div>
      <RegisterExtractView extract={extract} />
    </>
  );
}
