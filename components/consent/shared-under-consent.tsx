import { getTranslations } from "next-intl/server";
import type { SharedUnderConsent } from "@/lib/consent/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

/** Other agencies' information the actor sees today because of the consent (each view is logged). */
export async function SharedUnderConsentList({ shared }: { shared: SharedUnderConsent }) {
  const [t, ta, ts] = await Promise.all([
    getTranslations("consentShared"),
    getTranslations("agencies"),
    getTranslations("referralStatus"),
  ]);
  if (shared.referrals.length === 0 && shared.followUps.length === 0) return <p>{t("nothing")}</p>;
  return (
    <ul className="flex flex-col gap-2">
      {shared.referrals.map((r) => (
        <li key={r.id} className="rounded-md border border-slate-300 bg-white p-3">
          <p className="font-medium">{t("referral", { agency: ta("SOCIAL") })}</p>
          <p>
            {ts(r.status)} · {t("since", { date: formatDateTime(r.statusChangedAt) })}
          </p>
        </li>
      ))}
      {shared.followUps.map((f) => (
        <li key={f.id} className="rounded-md border border-slate-300 bg-white p-3">
          <p className="font-medium">{t("followUp", { agency: ta(f.agency) })}</p>
          <p>
            {f.doneAt
              ? t("followUpDone", { date: formatDateTime(f.doneAt) })
              : t("followUpDue", { date: formatDate(f.dueOn) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
