import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { ReferralDetail } from "@/lib/referrals/queries";
import { formatDay } from "@/lib/validation/format-day";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Facts, Panel } from "@/components/activities/facts";
import { ReferralStatusBadge } from "./referral-badge";

type Full = Extract<ReferralDetail, { kind: "full" }>;
type StatusOnly = Extract<ReferralDetail, { kind: "statusOnly" }>;

function period(startsOn: Date, endsOn: Date | null, ongoing: string) {
  return `${formatDate(startsOn)} – ${endsOn ? formatDate(endsOn) : ongoing}`;
}

/** What police and probation see, with the person's consent: where the referral stands, and no more. */
export async function StatusOnlyReferral({ detail }: { detail: StatusOnly }) {
  const [t, ts, tm] = await Promise.all([
    getTranslations("referral"),
    getTranslations("referralStatus"),
    getTranslations("supportMeasureStatus"),
  ]);
  const r = detail.referral;
  return (
    <div className="flex flex-col gap-6">
      <Alert tone="info">{t("statusOnlyNotice")}</Alert>
      <Panel id="status" title={t("status")}>
        <Facts
          items={[
            [
              t("person"),
              <Link key="p" href={`/people/${r.personId}`}>
                {r.personName}
              </Link>,
            ],
            [t("status"), <ReferralStatusBadge key="s" status={r.status} />],
            [t("statusSince"), formatDay(r.statusChangedAt)],
            [ts("REFERRED"), formatDay(r.referredAt)],
            r.closedAt ? [t("closedAt"), formatDay(r.closedAt)] : null,
          ]}
        />
      </Panel>
      <Panel id="measures" title={t("measures")}>
        {detail.measures.length === 0 ? (
          <p>{t("noMeasures")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {detail.measures.map((m) => (
              <li key={m.id}>
                {t("measureStatusOnly", { status: tm(m.status), period: period(m.startsOn, m.endsOn, t("ongoing")) })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

/** Social services' full view of a referral: its way through the programme and its support. */
export async function FullReferral({
  detail,
  canChange,
  statusForm,
}: {
  detail: Full;
  canChange: boolean;
  statusForm: ReactNode;
}) {
  const [t, ts, tsrc, tm, tms] = await Promise.all([
    getTranslations("referral"),
    getTranslations("referralStatus"),
    getTranslations("referralSource"),
    getTranslations("supportMeasureType"),
    getTranslations("supportMeasureStatus"),
  ]);
  const r = detail.referral;
  const open = r.closedAt === null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-6">
        <Panel id="status" title={t("status")}>
          <Facts
            items={[
              [
                t("person"),
                <Link key="p" href={`/people/${r.personId}`}>
                  {r.personName}
                </Link>,
              ],
              [t("status"), <ReferralStatusBadge key="s" status={r.status} />],
              [t("statusSince"), formatDateTime(r.statusChangedAt)],
              [ts("REFERRED"), formatDateTime(r.referredAt)],
              [t("source"), tsrc(r.source)],
              r.notification ? [t("fromNotification"), formatDateTime(r.notification.occurredAt)] : null,
              r.callIn
                ? [
                    t("fromCallIn"),
                    <Link
                      key="c"
                      href={`/call-ins/${r.callIn.id}`}
                    >{`${formatDateTime(r.callIn.occurredAt)}, ${r.callIn.venue}`}</Link>,
                  ]
                : null,
              [t("recordedBy"), r.createdBy.name],
            ]}
          />
        </Panel>
        {canChange && detail.nextStatuses.length > 0 ? (
          <Panel id="next-step" title={t("nextStep")}>
            {statusForm}
          </Panel>
        ) : !open ? (
          <Alert tone="info">{t("closedNotice")}</Alert>
        ) : null}
      </div>
      <div className="flex flex-col gap-6">
        <Panel
          id="measures"
          title={t("measures")}
          actions={
            canChange && open ? (
              <Link href={`/referrals/${r.id}/measures/new`} className={buttonClass("secondary")}>
                {t("addMeasure")}
              </Link>
            ) : null
          }
        >
          {detail.measures.length === 0 ? (
            <p>{t("noMeasures")}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {detail.measures.map((m) => (
                <li key={m.id} className="rounded-md border border-slate-300 p-3">
                  <article aria-label={tm(m.type)}>
                    <h3 className="font-semibold">
                      {tm(m.type)} · {tms(m.status)}
                    </h3>
                    <p className="text-sm text-slate-700">{period(m.startsOn, m.endsOn, t("ongoing"))}</p>
                    {m.destination.kind === "town" ? (
                      <p className="mt-1">
                        {t("destination")}: <strong>{m.destination.town}</strong>{" "}
                        <span className="text-sm text-amber-900">({t("protected")})</span>
                      </p>
                    ) : m.destination.kind === "protected" ? (
                      <p className="mt-1 text-sm text-amber-900">{t("destinationProtected")}</p>
                    ) : null}
                    {m.outcome ? <p className="mt-1 whitespace-pre-line">{m.outcome}</p> : null}
                    {canChange ? (
                      <p className="mt-2">
                        <Link href={`/referrals/${r.id}/measures/${m.id}/edit`}>
                          {t("editMeasure")}
                          <span className="sr-only"> {tm(m.type)}</span>
                        </Link>
                      </p>
                    ) : null}
                  </article>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="history" title={t("history")}>
          <ol className="flex flex-col gap-2">
            {r.history.map((h) => (
              <li key={h.id} className="border-l-4 border-brand-700 pl-3">
                <p className="font-medium">
                  {h.fromStatus ? t("historyStep", { from: ts(h.fromStatus), to: ts(h.toStatus) }) : ts(h.toStatus)}
                </p>
                <p className="text-sm text-slate-700">
                  {t("historyWhen", { when: formatDateTime(h.changedAt), name: h.changedBy.name })}
                </p>
                {h.comment ? <p className="whitespace-pre-line text-sm">{h.comment}</p> : null}
              </li>
            ))}
          </ol>
        </Panel>
      </div>
    </div>
  );
}
