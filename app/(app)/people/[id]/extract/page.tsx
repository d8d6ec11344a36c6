import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/pages";
import { getRegisterExtract } from "@/lib/register-extract";
import { ZExtractRequest } from "@/lib/register-extract/schemas";
import { formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/audit/print-button";
import { RegisterExtractView } from "@/components/audit/register-extract-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extract"))("title") };
}

/**
 * The register extract for one person (ADMIN): first the access request's reference, then the
 * printable extract, with the same extract as a JSON or CSV file. Each production is logged.
 */
export default async function RegisterExtractPage({ params, searchParams }: PageProps<"/people/[id]/extract">) {
  const actor = await requireArea("admin");
  const { id } = await params;
  const { ref } = await searchParams;
  const t = await getTranslations("extract");
  const [te, terrors] = await Promise.all([getTranslations("confidErrors"), getTranslations("errors")]);
  const request = typeof ref === "string" ? ZExtractRequest.safeParse({ requestReference: ref, format: "html" }) : null;

  if (!request?.success) {
    const error = request?.error.issues[0]?.message;
    return (
      <>
        <PageHeader title={t("title")} intro={t("requestIntro")} />
        <form method="get" noValidate className="flex max-w-xl flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <div>
            <label htmlFor="ref" className="mb-1 block font-medium">
              {t("requestReference")}
            </label>
            <input
              id="ref"
              name="ref"
              required
              maxLength={60}
              defaultValue={typeof ref === "string" ? ref : ""}
              aria-describedby={error ? "ref-hint ref-error" : "ref-hint"}
              aria-invalid={error ? true : undefined}
              className="block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2"
            />
            <p id="ref-hint" className="mt-1 text-sm text-slate-700">
              {t("requestReferenceHint")}
            </p>
            {error ? (
              <p id="ref-error" className="mt-1 text-sm font-medium text-red-800">
                {te.has(error) ? te(error) : terrors.has(error) ? terrors(error) : terrors("invalid")}
              </p>
            ) : null}
          </div>
          <div>
            <Button type="submit">{t("produce")}</Button>
          </div>
        </form>
      </>
    );
  }

  const extract = await orNotFound(getRegisterExtract({ actor, personId: id, request: request.data }));
  const file = (format: "json" | "csv") => `/people/${extract.personId}/extract/file?${new URLSearchParams({ ref: extract.requestReference, format })}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("about", { name: extract.personLabel || t("anonymised"), reference: extract.requestReference, date: formatDateTime(extract.generatedAt) })}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton />
            <a href={file("json")} className={buttonClass("secondary")}>
              {t("downloadJson")}
            </a>
            <a href={file("csv")} className={buttonClass("secondary")}>
              {t("downloadCsv")}
            </a>
            <Link href={`/admin/audit/people/${extract.personId}`} className={buttonClass("ghost")}>
              {t("readers")}
            </Link>
          </div>
        }
      />
      <div className="mb-6">
        <Alert tone="warning">{t("reviewBeforeRelease")}</Alert>
      </div>
      <RegisterExtractView extract={extract} />
    </>
  );
}
