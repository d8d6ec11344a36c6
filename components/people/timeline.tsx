import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { NoteView, TimelineEntry } from "@/lib/people/timeline";
import { formatDate, formatDateTime } from "@/lib/validation/dates";

function Notes({ notes, label }: { notes: NoteView[]; label: (agency: NoteView["agency"]) => string }) {
  return notes.map((note) => (
    <div key={note.agency} className="mt-3 rounded border border-amber-500 bg-amber-50 p-2 text-sm">
      <p className="font-medium">{label(note.agency)}</p>
      <p className="whitespace-pre-line">{note.body}</p>
    </div>
  ));
}

function Details({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-700">{label}</dt>
          <dd className="whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One timeline of everything recorded about the person that the viewer may see. */
export async function Timeline({
  entries,
  canEditNotification,
  canOpenReferral,
}: {
  entries: TimelineEntry[];
  canEditNotification: boolean;
  canOpenReferral: boolean;
}) {
  const [t, ta, tp, to, tr, te] = await Promise.all([
    getTranslations("person"),
    getTranslations("agencies"),
    getTranslations("placeType"),
    getTranslations("outcome"),
    getTranslations("response"),
    getTranslations(),
  ]);
  if (entries.length === 0) return <p>{t("noEvents")}</p>;
  const noteLabel = (agency: NoteView["agency"]) => t("internalNote", { agency: ta(agency) });

  function render(e: TimelineEntry): {
    title: string;
    dateText: string;
    body: ReactNode;
    link?: { href: string; label: string };
  } {
    switch (e.kind) {
      case "notification":
        return {
          title: `${t("notification")} · ${tp(e.placeType)}`,
          dateText: formatDateTime(e.at),
          body: (
            <>
              <p>
                {to(e.outcome)}
                {e.response ? ` · ${tr(e.response)}` : ""}
                {e.askedForHelpOnSite ? <strong className="ml-2 text-green-800">{t("askedForHelp")}</strong> : null}
              </p>
              <Details
                rows={[
                  [t("agenciesTookPart"), e.agencies.map((a) => ta(a)).join(", ")],
                  [t("participants"), e.participants.join(", ")],
                  [t("nextStep"), e.nextStep],
                ]}
              />
              <Notes notes={e.notes} label={noteLabel} />
            </>
          ),
          link: canEditNotification ? { href: `/notifications/${e.id}/edit`, label: t("editNotification") } : undefined,
        };
      case "callIn":
        return {
          title: t("callIn"),
          dateText: formatDateTime(e.at),
          body: (
            <>
              <p>
                {te(`inviteeStatus.${e.status}`)}
                {e.response ? ` · ${tr(e.response)}` : ""}
                {e.askedForHelp ? <strong className="ml-2 text-green-800">{t("askedForHelp")}</strong> : null}
              </p>
              <Details rows={[[t("venue"), e.venue]]} />
            </>
          ),
          link: { href: `/call-ins/${e.callInId}`, label: t("openCallIn") },
        };
      case "referralStep":
        return {
          title: t("referralStep"),
          dateText: formatDateTime(e.at),
          body: (
            <>
              <p>
                {e.fromStatus
                  ? t("statusChange", {
                      from: te(`referralStatus.${e.fromStatus}`),
                      to: te(`referralStatus.${e.toStatus}`),
                    })
                  : t("statusNew", { to: te(`referralStatus.${e.toStatus}`) })}
              </p>
              {e.comment ? <p className="mt-1 whitespace-pre-line text-sm">{e.comment}</p> : null}
            </>
          ),
          link: canOpenReferral ? { href: `/referrals/${e.referralId}`, label: t("openReferral") } : undefined,
        };
      case "referralStatus":
        return {
          title: t("referralStatus"),
          dateText: formatDateTime(e.at),
          body: (
            <p>
              {t("currentStatus", { status: te(`referralStatus.${e.status}`) })} ·{" "}
              {t("referredAt", { referred: te("referralStatus.REFERRED"), date: formatDate(e.referredAt) })}
              {e.closedAt ? ` · ${t("closedAt", { date: formatDate(e.closedAt) })}` : ""}
            </p>
          ),
        };
      case "followUp":
        return {
          title: e.doneAt ? t("followUp") : t("followUpPlanned"),
          dateText: e.doneAt ? formatDateTime(e.doneAt) : formatDate(e.dueOn),
          body: (
            <>
              <p>
                {e.doneAt ? t("doneAt", { date: formatDateTime(e.doneAt) }) : t("dueOn", { date: formatDate(e.dueOn) })}
                {e.isOverdue ? <strong className="ml-2 text-red-800">{t("overdue")}</strong> : null}
              </p>
              <Details
                rows={[
                  [t("assignedTo"), e.assignedTo],
                  [t("contactType"), e.contactType ? te(`contactType.${e.contactType}`) : null],
                  [t("summary"), e.summary],
                ]}
              />
              <Notes notes={e.notes} label={noteLabel} />
            </>
          ),
        };
      case "enforcement":
        return {
          title: `${t("enforcement")} · ${te(`enforcementType.${e.type}`)}`,
          dateText: formatDateTime(e.at),
          body: (
            <>
              <Details rows={[[t("description"), e.description]]} />
              <Notes notes={e.notes} label={noteLabel} />
            </>
          ),
        };
    }
  }

  return (
    <ol className="flex flex-col gap-3">
      {entries.map((e) => {
        const { title, dateText, body, link } = render(e);
        return (
          <li
            key={e.key}
            className="rounded-lg border border-slate-300 bg-white p-4 print:break-inside-avoid print:p-2"
          >
            <article aria-label={`${title} ${dateText}`}>
              <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{title}</h3>
                <time dateTime={e.at.toISOString()} className="text-sm text-slate-700">
                  {dateText}
                </time>
              </header>
              {body}
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                <p className="text-slate-700">
                  {e.recordedBy.name
                    ? t("recordedBy", { name: e.recordedBy.name, agency: ta(e.recordedBy.agency) })
                    : t("recordedByAgency", { agency: ta(e.recordedBy.agency) })}
                </p>
                {link ? (
                  <Link href={link.href} className="inline-flex min-h-11 items-center font-medium print:hidden">
                    {link.label}
                    <span className="sr-only">
                      {" "}
                      – {title} {dateText}
                    </span>
                  </Link>
                ) : null}
              </div>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
