import { getTranslations } from "next-intl/server";
import type { PersonFile } from "@/lib/people/queries";
import { formatDateTime } from "@/lib/validation/dates";

export async function Timeline({ notifications }: { notifications: PersonFile["notifications"] }) {
  const [t, ta, tp, to, tr] = await Promise.all([
    getTranslations("person"),
    getTranslations("agencies"),
    getTranslations("placeType"),
    getTranslations("outcome"),
    getTranslations("response"),
  ]);
  if (notifications.length === 0) return <p>{t("noEvents")}</p>;
  return (
    <ol className="flex flex-col gap-3">
      {notifications.map((n) => (
        <li key={n.id} className="rounded-lg border border-slate-300 bg-white p-4">
          <article aria-label={`${t("notification")} ${formatDateTime(n.occurredAt)}`}>
            <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {t("notification")} · {tp(n.placeType)}
              </h3>
              <time dateTime={n.occurredAt.toISOString()} className="text-sm text-slate-700">
                {formatDateTime(n.occurredAt)}
              </time>
            </header>
            <p>
              {to(n.outcome)}
              {n.response ? ` · ${tr(n.response)}` : ""}
              {n.askedForHelpOnSite ? <strong className="ml-2 text-green-800">{t("askedForHelp")}</strong> : null}
            </p>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="text-slate-700">{t("agenciesTookPart")}</dt>
              <dd>{n.agencies.map((a) => ta(a)).join(", ")}</dd>
              {n.participants.length > 0 ? (
                <>
                  <dt className="text-slate-700">{t("participants")}</dt>
                  <dd>{n.participants.map((p) => p.user.name).join(", ")}</dd>
                </>
              ) : null}
              {n.nextStep ? (
                <>
                  <dt className="text-slate-700">{t("nextStep")}</dt>
                  <dd className="whitespace-pre-line">{n.nextStep}</dd>
                </>
              ) : null}
            </dl>
            {n.notes.map((note) => (
              <div key={note.agency} className="mt-3 rounded border border-amber-500 bg-amber-50 p-2 text-sm">
                <p className="font-medium">{t("internalNote", { agency: ta(note.agency) })}</p>
                <p className="whitespace-pre-line">{note.body}</p>
              </div>
            ))}
            <p className="mt-2 text-sm text-slate-700">{t("recordedBy", { name: n.createdBy.name, agency: ta(n.createdByAgency) })}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
