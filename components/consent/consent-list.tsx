import { getTranslations } from "next-intl/server";
import type { ConsentListItem } from "@/lib/consent/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { DecideConfirmationForm } from "./decide-confirmation-form";
import { WithdrawConsentForm } from "./withdraw-consent-form";

export async function ConsentList({ consents, canWithdraw }: { consents: ConsentListItem[]; canWithdraw: boolean }) {
  const [t, ta, tk] = await Promise.all([
    getTranslations("consent"),
    getTranslations("agencies"),
    getTranslations("consentInfoKind"),
  ]);
  if (consents.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {consents.map((c) => {
        const statusOf = (agency: ConsentListItem["coverage"][number]["from"]) =>
          c.confirmations.find((k) => k.agency === agency)?.status;
        return (
          <li key={c.id} className="rounded-lg border border-slate-300 bg-white p-4">
            <article aria-label={t("consentOf", { date: formatDate(c.givenOn) })}>
              <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{c.agencies.map((a) => ta(a)).join(", ")}</h3>
                <span className={c.isActive ? "font-medium text-green-800" : "font-medium text-slate-700"}>
                  {c.withdrawnAt
                    ? t("withdrawnAt", { date: formatDateTime(c.withdrawnAt) })
                    : c.isActive
                      ? t("active")
                      : c.isLapsed
                        ? t("lapsed")
                        : t("notYetValid")}
                </span>
              </header>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-700">{t("givenOn")}</dt>
                <dd>{formatDate(c.givenOn)}</dd>
                {c.validUntil ? (
                  <>
                    <dt className="text-slate-700">{t("validUntil")}</dt>
                    <dd>{formatDate(c.validUntil)}</dd>
                  </>
                ) : null}
                <dt className="text-slate-700">{t("covers")}</dt>
                <dd>
                  <ul>
                    {c.coverage.map((item) => {
                      const status = statusOf(item.from);
                      const state = item.isOpen
                        ? t("open")
                        : !c.isActive
                          ? t("closedInactive")
                          : status === "DECLINED"
                            ? t("closedDeclined", { agency: ta(item.from) })
                            : t("closedUntilConfirmed", { agency: ta(item.from) });
                      return (
                        <li key={`${item.from}-${item.kind}-${item.to}`}>
                          {t("coverageItem", { from: ta(item.from), to: ta(item.to), kind: tk(item.kind) })} –{" "}
                          <span className={item.isOpen ? "font-medium text-green-800" : "font-medium text-amber-900"}>
                            {state}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </dd>
                <dt className="text-slate-700">{t("confirmations")}</dt>
                <dd>
                  <ul>
                    {c.confirmations.map((k) => (
                      <li key={k.id}>
                        {k.status === "CONFIRMED"
                          ? t("confirmationConfirmed", {
                              agency: ta(k.agency),
                              name: k.decidedBy ?? "–",
                              date: formatDateTime(k.decidedAt!),
                            })
                          : k.status === "DECLINED"
                            ? t("confirmationDeclined", {
                                agency: ta(k.agency),
                                name: k.decidedBy ?? "–",
                                date: formatDateTime(k.decidedAt!),
                              })
                            : t("confirmationRequested", { agency: ta(k.agency), date: formatDateTime(k.requestedAt) })}
                        {k.status === "DECLINED" && k.note ? (
                          <span className="block whitespace-pre-line">{t("declineReason", { note: k.note })}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt className="text-slate-700">{t("documentReference")}</dt>
                <dd>{c.documentReference}</dd>
                <dt className="text-slate-700">{t("guardianConsentShort")}</dt>
                <dd>{c.guardianConsent ? t("yes") : t("no")}</dd>
                <dt className="text-slate-700">{t("recordedBy")}</dt>
                <dd>
                  {t("recordedByValue", {
                    name: `${c.recordedBy} (${ta(c.recordedByAgency)})`,
                    date: formatDateTime(c.createdAt),
                  })}
                </dd>
              </dl>
              {c.confirmations
                .filter((k) => k.canDecide)
                .map((k) => (
                  <DecideConfirmationForm
                    key={k.id}
                    confirmationId={k.id}
                    version={k.version}
                    agencyLabel={ta(k.agency)}
                    recordedByLabel={ta(c.recordedByAgency)}
                    documentReference={c.documentReference}
                  />
                ))}
              {canWithdraw && c.withdrawnAt === null ? (
                <WithdrawConsentForm consentId={c.id} version={c.version} />
              ) : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
