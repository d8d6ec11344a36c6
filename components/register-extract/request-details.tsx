import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { ExtractRequestView } from "@/lib/register-extract/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

/**
 * What a request says, for the administrator and for the deciding manager alike: the person's name
 * and birth date, who asked, how the identity was checked, the reference, and each step's who and
 * when. Nothing of the person's file.
 */
export async function RequestDetails({ request, personName }: { request: ExtractRequestView; personName?: ReactNode }) {
  const [t, ts, tr, ti] = await Promise.all([
    getTranslations("extractRequests"),
    getTranslations("extractRequestStatuses"),
    getTranslations("extractRequesters"),
    getTranslations("identityChecks"),
  ]);
  const byAt = (who: { name: string } | null, at: Date | null) =>
    who && at ? t("byAt", { name: who.name, date: formatDateTime(at) }) : "–";
  const rows: [string, ReactNode][] = [
    [t("status"), ts(request.status)],
    [t("person"), personName ?? request.person.label ?? t("anonymisedPerson")],
    [t("birthDate"), request.person.birthDate ? formatDate(request.person.birthDate) : t("unknown")],
    [t("requester"), tr(request.requester)],
    ...(request.requesterName !== null
      ? [[t("requesterName"), request.requesterName || "–"] as [string, ReactNode]]
      : []),
    [t("receivedOn"), formatDate(request.receivedOn)],
    [t("identityCheck"), ti(request.identityCheck)],
    ...(request.identityCheckNote !== null
      ? [[t("identityCheckNote"), request.identityCheckNote || "–"] as [string, ReactNode]]
      : []),
    [t("reference"), request.reference],
    [t("registeredBy"), byAt(request.registeredBy, request.registeredAt)],
    [
      t("decidedBy"),
      request.decidedBy
        ? `${byAt(request.decidedBy, request.decidedAt)} · ${ts(request.status === "PRODUCED" ? "APPROVED" : request.status)}`
        : "–",
    ],
    ...(request.decisionNote ? [[t("decisionNote"), request.decisionNote] as [string, ReactNode]] : []),
    [t("producedBy"), byAt(request.producedBy, request.producedAt)],
  ];
  return (
    <section aria-labelledby="request-details" className="mb-6 rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id="request-details" className="mb-3 text-lg font-semibold">
        {t("details")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="mb-2 break-words whitespace-pre-line sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
