import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { getGroup } from "@/lib/groups/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { Section } from "@/components/ui/section";

type Group = Awaited<ReturnType<typeof getGroup>>;

const ITEM = "rounded-md border border-slate-300 bg-white p-3 text-sm print:break-inside-avoid";

/** The custom notifications delivered to the group's members, newest first. */
export async function GroupNotifications({ notifications }: { notifications: Group["notifications"] }) {
  const [t, ta, to, tr] = await Promise.all([
    getTranslations("group"),
    getTranslations("agencies"),
    getTranslations("outcome"),
    getTranslations("response"),
  ]);
  return (
    <Section
      id="notifications"
      title={t("notifications")}
      framed={false}
      className="mb-6"
      isEmpty={notifications.length === 0}
      empty={t("noNotifications")}
    >
      <ul className="flex flex-col gap-2">
        {notifications.map((n) => (
          <li key={n.id} className={ITEM}>
            <time dateTime={n.occurredAt.toISOString()}>{formatDateTime(n.occurredAt)}</time> ·{" "}
            <Link href={`/people/${n.person.id}`} className="font-medium">
              {n.person.firstName} {n.person.lastName}
            </Link>{" "}
            · {to(n.outcome)}
            {n.response ? ` · ${tr(n.response)}` : ""}
            <br />
            <span className="text-slate-700">
              {t("recordedBy")}: {n.createdBy.name} ({ta(n.createdByAgency)})
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The police's actions against the group and its members (the police's view only). */
export async function GroupEnforcement({ actions }: { actions: NonNullable<Group["enforcement"]> }) {
  const [t, ta, tt] = await Promise.all([
    getTranslations("group"),
    getTranslations("agencies"),
    getTranslations("enforcementType"),
  ]);
  return (
    <Section
      id="enforcement"
      title={t("enforcement")}
      framed={false}
      className="mb-6"
      isEmpty={actions.length === 0}
      empty={t("noEnforcement")}
    >
      <ul className="flex flex-col gap-2">
        {actions.map((e) => (
          <li key={e.id} className={ITEM}>
            <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time> ·{" "}
            <strong>{tt(e.type)}</strong> ·{" "}
            {e.person ? (
              <Link href={`/people/${e.person.id}`} className="font-medium">
                {e.person.firstName} {e.person.lastName}
              </Link>
            ) : (
              t("againstGroup")
            )}
            {e.description ? <p className="mt-1">{e.description}</p> : null}
            <span className="text-slate-700">
              {t("recordedBy")}: {e.createdBy.name} ({ta("POLICE")})
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
