import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { listRetentionReview } from "@/lib/retention/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { SavedNotice, Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { RetentionPeriodForm } from "@/components/retention/retention-period-form";
import { RetentionTable } from "@/components/retention/retention-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("retention"))("title") };
}

export default async function RetentionPage({ searchParams }: PageProps<"/admin/retention">) {
  const actor = await requireArea("admin");
  const params = await searchParams;
  const page = ZPage.parse(params.page);
  const [t, review] = await Promise.all([getTranslations("retention"), listRetentionReview({ actor, page })]);
  return (
    <>
      <SavedNotice
        value={params.done}
        messages={{ anonymised: t("doneAnonymised"), kept: t("doneKept"), period: t("donePeriod") }}
      />
      <PageHeader
        title={t("title")}
        intro={t("intro", {
          months: review.months,
          days: review.reviewAheadDays,
          cutoff: formatDateTime(review.cutoff),
        })}
      />
      <Section id="period" title={t("periodTitle")} className="mb-6">
        <RetentionPeriodForm months={review.months} version={review.monthsVersion} />
      </Section>
      <p className="mb-3 font-medium" role="status">
        {t("count", { count: review.total, due: review.dueCount })}
      </p>
      {review.items.length === 0 ? <p>{t("empty")}</p> : <RetentionTable rows={review.items} />}
      <Pagination
        page={review.page}
        pageCount={review.pageCount}
        total={review.total}
        hrefFor={(p) => `/admin/retention?page=${p}`}
      />
    </>
  );
}
