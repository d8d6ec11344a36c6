import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { personPage } from "@/lib/page-guards";
import { requireArea } from "@/lib/auth/session";
import { getConsentOverview } from "@/lib/consent/queries";
import { COVERAGE, coverageCode } from "@/lib/authz/consent-coverage";
import { stockholmToday } from "@/lib/validation/dates";
import { SavedNotice, Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { ConsentList } from "@/components/consent/consent-list";
import { RecordConsentForm } from "@/components/consent/record-consent-form";
import { SharedUnderConsentList } from "@/components/consent/shared-under-consent";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("consent"))("title") };
}

export default async function ConsentPage({ params, searchParams }: PageProps<"/people/[id]/consent">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  const overview = await personPage(getConsentOverview({ actor, personId: id }), `/people/${id}/consent`);
  const [t, ta, tk] = await Promise.all([
    getTranslations("consent"),
    getTranslations("agencies"),
    getTranslations("consentInfoKind"),
  ]);
  // What the form offers, each labelled with whose confirmation it needs when not the actor's own.
  const coverage = COVERAGE.map((item) => {
    const label = t("coverageItem", { from: ta(item.from), to: ta(item.to), kind: tk(item.kind) });
    return {
      value: coverageCode(item),
      label: item.from === actor.agency ? label : `${label} (${t("needsConfirmationBy", { agency: ta(item.from) })})`,
    };
  });
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{
          recorded: t("recorded"),
          withdrawn: t("withdrawnSaved"),
          confirmed: t("confirmedSaved"),
          declined: t("declinedSaved"),
        }}
      />
      <PageHeader
        title={t("title")}
        intro={t("about", { name: overview.person.name })}
        actions={<Link href={`/people/${overview.person.id}`}>{t("backToFile")}</Link>}
      />
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="consents">
          <h2 id="consents" className="mb-3 text-lg font-semibold">
            {t("listTitle")}
          </h2>
          <ConsentList consents={overview.consents} canWithdraw={overview.canWithdraw} />
          <h2 id="shared" className="mt-6 mb-1 text-lg font-semibold">
            {t("sharedTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("sharedIntro")}</p>
          <SharedUnderConsentList shared={overview.shared} />
        </section>
        {overview.canRecord ? (
          <Section id="record" title={t("recordTitle")} className="sm:p-6">
            <RecordConsentForm
              personId={overview.person.id}
              coverage={coverage}
              today={stockholmToday()}
              isMinor={overview.person.isMinor}
            />
          </Section>
        ) : null}
      </div>
    </>
  );
}
