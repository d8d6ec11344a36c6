import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getIncomingTransfer } from "@/lib/transfers/queries";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { AcceptTransferForm } from "@/components/transfers/accept-transfer-form";
import { DeclineTransferForm } from "@/components/transfers/decline-transfer-form";
import { formatDate } from "@/lib/validation/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfers"))("incomingTitle") };
}

/** One incoming file: what it carries, the receiving site's duplicate check, accept or decline. */
export default async function IncomingTransferPage({ params }: PageProps<"/transfers/[id]">) {
  const actor = await requireArea("transfers");
  const { id } = await params;
  const transfer = await orNotFound(getIncomingTransfer({ actor, transferId: id }));
  const [t, ts] = await Promise.all([getTranslations("transfers"), getTranslations("fileTransferStatus")]);
  const carries = [
    t("carriesProfile"),
    ...(transfer.carries.plan ? [t("carriesPlan")] : []),
    ...(transfer.carries.referrals ? [t("carriesReferrals")] : []),
    ...(transfer.carries.supportMeasures ? [t("carriesSupportMeasures")] : []),
  ];
  const person = [transfer.maskedIdentityNumber, transfer.birthYear].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader
        title={t("detailTitle", { name: transfer.name })}
        intro={t("detailAbout", {
          site: transfer.fromSite,
          date: formatDate(transfer.sentAt),
          consentDate: formatDate(transfer.consentGivenOn),
        })}
      />
      {person ? <p className="mb-4">{person}</p> : null}
      {transfer.status !== "REQUESTED" ? (
        <Alert tone="info">{t("decided", { status: ts(transfer.status) })}</Alert>
      ) : (
        <div className="flex flex-col gap-6">
          <Section id="transfer-carries" title={t("carriesTitle")}>
            <ul className="list-disc pl-5">
              {carries.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Section>
          <Section id="transfer-duplicates" title={t("duplicatesTitle")}>
            {transfer.duplicates.matches.length === 0 ? <p>{t("duplicatesNone")}</p> : <p>{t("duplicatesFound")}</p>}
            {transfer.duplicates.matches.length > 0 ? (
              <ul className="mb-4 list-disc pl-5">
                {transfer.duplicates.matches.map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
              </ul>
            ) : null}
            {transfer.duplicates.numberHolderHidden ? <Alert tone="warning">{t("numberHolderHidden")}</Alert> : null}
            <div className="mt-4">
              <AcceptTransferForm
                transferId={transfer.id}
                version={transfer.version}
                matches={transfer.duplicates.matches.map((m) => ({ value: m.id, label: m.name }))}
                mustLink={transfer.duplicates.numberTaken}
              />
            </div>
          </Section>
          <Section id="transfer-decline" title={t("decline")}>
            <DeclineTransferForm transferId={transfer.id} version={transfer.version} />
          </Section>
        </div>
      )}
    </>
  );
}
