import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EXTRACT_OPEN_MINUTES } from "@/lib/register-extract/window";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";

/**
 * The extract page's "not found": no request, one not (yet) approved, rejected, another person's,
 * another administrator's production, or the window has closed. One answer for all, which says
 * when an extract can be shown, and nothing about which case this is.
 */
export default async function RegisterExtractUnavailable() {
  const t = await getTranslations("extractUnavailable");
  return (
    <>
      <PageHeader title={t("title")} />
      <Alert tone="info">{t("body", { minutes: EXTRACT_OPEN_MINUTES })}</Alert>
      <p className="mt-4">
        <Link href="/admin/extract-requests">{t("toRequests")}</Link>
      </p>
    </>
  );
}
