import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CallInDetail } from "@/lib/callins/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { StatusBadge } from "@/components/people/status-badge";
import { Facts, Panel } from "@/components/activities/facts";

export async function CallInDetailView({
  callIn,
  attendanceAction,
}: {
  callIn: CallInDetail;
  /** "Markera alla som närvarande", for those who may record attendance once the meeting is held. */
  attendanceAction?: ReactNode;
}) {
  const [t, ta, ts, tk, tr] = await Promise.all([
    getTranslations("callIn"),
    getTranslations("agencies"),
    getTranslations("inviteeStatus"),
    getTranslations("speakerKind"),
    getTranslations("response"),
  ]);
  const attended = callIn.attendees.filter((a) => a.status === "ATTENDED");
  return (
    <div className="flex flex-col gap-6">
      <Panel id="meeting" title={t("meeting")}>
        <Facts
          items={[
            [
              t("when"),
              <time key="when" dateTime={callIn.occurredAt.toISOString()}>
                {formatDateTime(callIn.occurredAt)}
              </time>,
            ],
            [t("venue"), callIn.venue],
            callIn.description
              ? [
                  t("description"),
                  <span key="d" className="whitespace-pre-line">
                    {callIn.description}
                  </span>,
                ]
              : null,
            [
              t("summary"),
              t("attendance", {
                invited: callIn.attendees.length,
                attended: attended.length,
                askedForHelp: attended.filter((a) => a.askedForHelp).length,
              }),
            ],
            [t("recordedBy"), t("recordedByValue", { name: callIn.createdByName, agency: ta(callIn.createdByAgency) })],
          ]}
        />
      </Panel>
      <Panel id="speakers" title={t("speakers")}>
        {callIn.speakers.length === 0 ? (
          <p>{t("noSpeakers")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {callIn.speakers.map((s) => (
              <li key={s.id}>
                <span className="font-medium">{s.name}</span> – {tk(s.kind)}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="attendees" title={t("attendees")}>
        {attendanceAction ? <div className="mb-3 print:hidden">{attendanceAction}</div> : null}
        {callIn.attendees.length === 0 ? (
          <p>{t("noAttendees")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {callIn.attendees.map((a) => (
              <li key={a.personId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/people/${a.personId}`} className="font-medium underline">
                    {a.name}
                  </Link>
                  {a.personStatus !== "ACTIVE" ? <StatusBadge status={a.personStatus} /> : null}
                </div>
                <p className="text-sm">
                  {ts(a.status)}
                  {a.response ? ` · ${tr(a.response)}` : ""}
                  {a.askedForHelp ? <strong className="ml-2 text-green-800">{t("askedForHelp")}</strong> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
