import { getTranslations } from "next-intl/server";
import type { ConsentListItem } from "@/lib/consent/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { WithdrawConsentForm } from "./withdraw-consent-form";

export async function ConsentList({ consents, canWithdraw }: { consents: ConsentListItem[]; canWithdraw: boolean }) {
  const [t, ta] = await Promise.all([getTranslations("consent"), getTranslations("agencies")]);
  if (consents.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {consents.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-300 bg-white p-4">
          <article aria-label={t("consentOf", { date: formatDate(c.givenOn) })}>
            <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{c.agencies.map((a) => ta(a)).join(", ")}</h3>
              <span className={c.isActive ? "font-medium text-green-800" : "font-medium text-slate-700"}>
                {c.withdrawnAt ? t("withdrawnAt", { date: formatDateTime(c.withdrawnAt) }) : c.isActive ? t("active") : t("notYetValid")}
              </span>
            </header>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-700">{t("givenOn")}</dt>
              <dd>{formatDate(c.givenOn)}</dd>
              <dt className="text-slate-700">{t("scope")}</dt>
              <dd className="whitespace-pre-line">{c.scope}</dd>
              <dt className="text-slate-700">{t("documentReference")}</dt>
              <dd>{c.documentReference}</dd>
              <dt className="text-slate-700">{t("guardianConsentShort")}</dt>
              <dd>{c.guardianConsent ? t("yes") : t("no")}</dd>
              <dt className="text-slate-700">{t("recordedBy")}</dt>
              <dd>{t("recordedByValue", { name: c.recordedBy, date: formatDateTime(c.createdAt) })}</dd>
            </dl>
            {canWithdraw && c.withdrawnAt === null ? <WithdrawConsentForm consentId={c.id} version={c.version} /> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
