import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listAccountsDue } from "@/lib/access-review/queries";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SavedNotice, Section } from "@/components/ui/section";
import { DueAccountsTable } from "@/components/vetting/due-accounts-table";
import { ReviewSettingsForm } from "@/components/vetting/review-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessReview"))("title") };
}

export default async function AccessReviewPage({ searchParams }: PageProps<"/access-review">) {
  const actor = await requireArea("accessReview");
  const params = await searchParams;
  const [t, due] = await Promise.all([
    getTranslations("accessReview"),
    listAccountsDue({ actor, page: ZPage.parse(params.page) }),
  ]);
  const { settings, accounts } = due;
  return (
    <>
      <SavedNotice
        value={params.done}
        messages={{ kept: t("doneKept"), removed: t("doneRemoved"), settings: t("doneSettings") }}
      />
      <PageHeader title={t("title")} intro={t("intro", { months: settings.months, days: settings.graceDays })} />
      {due.canChangeSettings ? (
        <Section id="settings" title={t("settingsTitle")} className="mb-6">
          <ReviewSettingsForm months={settings.months} graceDays={settings.graceDays} version={settings.version} />
        </Section>
      ) : null}
      <Section id="due" title={t("dueTitle")} intro={t("dueIntro")}>
        <DueAccountsTable accounts={accounts.items} />
        <Pagination
          page={accounts.page}
          pageCount={accounts.pageCount}
          total={accounts.total}
          hrefFor={(p) => `/access-review?page=${p}`}
        />
      </Section>
    </>
  );
}
