import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getGroup } from "@/lib/groups/queries";
import { orNotFound } from "@/lib/page-guards";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/people/status-badge";
import { PriorityForm } from "@/components/groups/priority-form";

export const metadata: Metadata = { title: "Gruppering" };

const SAVED = ["created", "updated", "priority"] as const;

type Member = Awaited<ReturnType<typeof getGroup>>["currentMembers"][number];

async function MemberTable({ members, caption }: { members: Member[]; caption: string }) {
  const [t, tr, tm, ta] = await Promise.all([
    getTranslations("group"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
  ]);
  if (members.length === 0) return <p>{t("noMembers")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("person")}
            </th>
            <th scope="col" className="p-2">
              {t("role")}
            </th>
            <th scope="col" className="p-2">
              {t("confidence")}
            </th>
            <th scope="col" className="p-2">
              {t("source")}
            </th>
            <th scope="col" className="p-2">
              {t("period")}
            </th>
            <th scope="col" className="p-2">
              {t("reviewDueOn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id} className="border-b border-slate-200">
              <td className="p-2">
                <Link href={`/people/${m.person.id}`} className="font-medium">
                  {m.person.firstName} {m.person.lastName}
                </Link>{" "}
                {m.person.status !== "ACTIVE" ? <StatusBadge status={m.person.status} /> : null}
              </td>
              <td className="p-2">{tr(m.role)}</td>
              <td className="p-2">{tm(m.confidence)}</td>
              <td className="p-2">{ta(m.sourceAgency)}</td>
              <td className="p-2">
                {formatDate(m.validFrom)} – {m.validTo ? formatDate(m.validTo) : ""}
              </td>
              <td className="p-2">{formatDate(m.reviewDueOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function GroupPage({ params, searchParams }: PageProps<"/groups/[id]">) {
  const actor = await requireArea("groups");
  const { id } = await params;
  const { saved } = await searchParams;
  const group = await orNotFound(getGroup({ actor, groupId: id }));
  const [t, ta, to, tr, te] = await Promise.all([
    getTranslations("group"),
    getTranslations("agencies"),
    getTranslations("outcome"),
    getTranslations("response"),
    getTranslations(),
  ]);
  const savedKey = SAVED.find((k) => k === saved);
  return (
    <>
      {savedKey ? (
        <div className="mb-4">
          <Alert tone="success">{t(`saved.${savedKey}`)}</Alert>
        </div>
      ) : null}
      <PageHeader
        title={group.name}
        intro={group.district ? `${t("district")}: ${group.district}` : undefined}
        actions={
          group.can.edit ? (
            <Link href={`/groups/${group.id}/edit`} className={buttonClass("secondary")}>
              {t("edit")}
            </Link>
          ) : null
        }
      />
      <section
        aria-label={t("prioritized")}
        className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:flex-row sm:items-center sm:justify-between"
      >
        <div>
          <p className={group.isPrioritized ? "font-semibold text-red-800" : "font-medium"}>
            {group.isPrioritized ? t("prioritized") : t("notPrioritized")}
          </p>
          {group.prioritizedAt && group.prioritizedBy ? (
            <p className="text-sm text-slate-700">
              {t(group.isPrioritized ? "prioritizedSince" : "priorityEndedBy", {
                name: group.prioritizedBy.name,
                date: formatDateTime(group.prioritizedAt),
              })}
            </p>
          ) : null}
        </div>
        {group.can.prioritize ? (
          <PriorityForm groupId={group.id} version={group.version} isPrioritized={group.isPrioritized} />
        ) : null}
      </section>
      {group.description ? <p className="mb-6 whitespace-pre-line">{group.description}</p> : null}
      <section aria-labelledby="current" className="mb-6">
        <h2 id="current" className="mb-2 text-lg font-semibold">
          {t("currentMembers")} ({group.currentMembers.length})
        </h2>
        <MemberTable members={group.currentMembers} caption={t("currentMembers")} />
      </section>
      <section aria-labelledby="former" className="mb-6">
        <h2 id="former" className="mb-2 text-lg font-semibold">
          {t("formerMembers")} ({group.formerMembers.length})
        </h2>
        <MemberTable members={group.formerMembers} caption={t("formerMembers")} />
      </section>
      <section aria-labelledby="notifications" className="mb-6">
        <h2 id="notifications" className="mb-2 text-lg font-semibold">
          {t("notifications")}
        </h2>
        {group.notifications.length === 0 ? (
          <p>{t("noNotifications")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {group.notifications.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-300 bg-white p-3 text-sm">
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
        )}
      </section>
      {group.enforcement ? (
        <section aria-labelledby="enforcement" className="mb-6">
          <h2 id="enforcement" className="mb-2 text-lg font-semibold">
            {t("enforcement")}
          </h2>
          {group.enforcement.length === 0 ? (
            <p>{t("noEnforcement")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {group.enforcement.map((e) => (
                <li key={e.id} className="rounded-md border border-slate-300 bg-white p-3 text-sm">
                  <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time> ·{" "}
                  <strong>{te(`enforcementType.${e.type}`)}</strong> ·{" "}
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
          )}
        </section>
      ) : null}
    </>
  );
}
