import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getReferralFormOptions } from "@/lib/referrals/queries";
import { REFERRAL_SOURCES } from "@/lib/referrals/schemas";
import { formatDateTime, toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { CreateReferralForm } from "@/components/referrals/create-referral-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referralForm"))("title") };
}

export default async function NewReferralPage({ searchParams }: PageProps<"/referrals/new">) {
  const actor = await requireArea("referrals");
  const { personId } = z.object({ personId: z.string().catch("") }).parse(await searchParams);
  const options = await personPage(
    getReferralFormOptions({ actor, personId }),
    `/referrals/new?${new URLSearchParams({ personId })}`,
  );
  const [t, tsrc, to] = await Promise.all([
    getTranslations("referralForm"),
    getTranslations("referralSource"),
    getTranslations("outcome"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: options.person.name })} />
      {options.openReferralId ? (
        <Alert tone="info">
          {t.rich("alreadyOpen", {
            link: (chunks) => (
              <Link href={`/referrals/${options.openReferralId}`} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      ) : (
        <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
          <CreateReferralForm
            personId={options.person.id}
            defaultReferredAt={toStockholmInputValue(new Date())}
            sources={enumOptions(REFERRAL_SOURCES, tsrc)}
            notifications={options.notifications.map((n) => ({
              value: n.id,
              label: `${formatDateTime(n.occurredAt)} – ${to(n.outcome)}`,
            }))}
            callIns={options.callIns.map((c) => ({
              value: c.id,
              label: `${formatDateTime(c.occurredAt)} – ${c.venue}`,
            }))}
          />
        </div>
      )}
    </>
  );
}
