import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getAccountForReview } from "@/lib/access-review/queries";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { AccountReview } from "@/components/vetting/account-review";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accessReview"))("title") };
}

export default async function AccountReviewPage({ params }: PageProps<"/access-review/[userId]">) {
  const actor = await requireArea("accessReview");
  const { userId } = await params;
  const [t, tr, account] = await Promise.all([
    getTranslations("accessReview"),
    getTranslations("roles"),
    orNotFound(getAccountForReview({ actor, userId })),
  ]);
  return (
    <>
      <p className="mb-2">
        <Link href="/access-review">{t("back")}</Link>
      </p>
      <PageHeader title={account.name} intro={`${account.email} · ${tr(account.role)}`} />
      <AccountReview account={account} />
    </>
  );
}
