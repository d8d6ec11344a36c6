import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { getPersonFile } from "@/lib/people/queries";
import { formatDate } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/people/status-badge";
import { Timeline } from "@/components/people/timeline";
import { RevealIdentityNumber } from "@/components/people/reveal-identity-number";
import { IdentityProtectionForm } from "@/components/people/identity-protection-form";

export const metadata: Metadata = { title: "Person" };

const SAVED = [
  "notification",
  "notificationUpdated",
  "created",
  "updated",
  "membership",
  "protected",
  "unprotected",
] as const;

export default async function PersonPage({ params, searchParams }: PageProps<"/people/[id]">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  // Outside the actor's caseload, the reason form comes first (lib/caseload-gate).
  const person = await personPage(getPersonFile({ actor, personId: id }), `/people/${id}`);
  const [t, tr, tm, ta, tconsent] = await Promise.all([
    getTranslations("person"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
    getTranslations("consent"),
  ]);
  const name = `${person.firstName} ${person.lastName}`;
  const savedKey = SAVED.find((k) => k === saved);
  const actions = [
    person.can.logNotification && {
      href: `/people/${person.id}/notifications/new`,
      label: t("logNotification"),
      primary: true,
    },
    person.can.logFollowUp && { href: `/follow-ups/new?personId=${person.id}`, label: t("logFollowUp") },
    person.can.refer && { href: `/referrals/new?personId=${person.id}`, label: t("refer") },
    person.can.logEnforcement && { href: `/enforcement/new?personId=${person.id}`, label: t("logEnforcement") },
    person.can.edit && { href: `/people/${person.id}/edit`, label: t("edit") },
    { href: `/people/${person.id}/consent`, label: tconsent("fileLink") },
    { href: `/people/${person.id}/coordinators`, label: (await getTranslations("coordinators"))("fileLink") },
  ].filter((a): a is { href: string; label: string; primary?: boolean } => Boolean(a));

  return (
    <>
      {savedKey ? (
        <div className="mb-4">
          <Alert tone="success">{t(`saved.${savedKey}`)}</Alert>
        </div>
      ) : null}
      <PageHeader
        title={name}
        actions={actions.map((a) => (
          <Link key={a.href} href={a.href} className={buttonClass(a.primary ? "primary" : "secondary")}>
            {a.label}
          </Link>
        ))}
      />
      <div className="grid gap-6 md:grid-cols-3">
        <div className="flex flex-col gap-6 md:col-span-1">
          <section aria-labelledby="profile" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="profile" className="mb-3 text-lg font-semibold">
              {t("profile")}
            </h2>
            <dl className="flex flex-col gap-3">
              <div>
                <dt className="text-sm text-slate-700">
                  {person.identityNumberKind === "SAMORDNINGSNUMMER" ? t("samordningsnummer") : t("identityNumber")}
                </dt>
                <dd className="flex flex-wrap items-center gap-2">
                  {person.maskedIdentityNumber ? (
                    <RevealIdentityNumber personId={person.id} masked={person.maskedIdentityNumber} />
                  ) : (
                    "–"
                  )}
                </dd>
              </div>
              {!person.maskedIdentityNumber && person.birthDate ? (
                <div>
                  <dt className="text-sm text-slate-700">{t("birthDate")}</dt>
                  <dd>{formatDate(person.birthDate)}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-sm text-slate-700">{t("status")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={person.status} />{" "}
                  <span className="text-sm">{t("since", { date: formatDate(person.statusSince) })}</span>
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-700">{t("aliases")}</dt>
                <dd>{person.aliases.length > 0 ? person.aliases.join(", ") : t("noAliases")}</dd>
              </div>
              {person.hasProtectedIdentity ? (
                <div>
                  <dt className="font-medium text-amber-900">{t("protectedIdentity")}</dt>
                  {person.protectedLocation ? (
                    <dd className="text-sm">
                      {t("protectedLocation")}:{" "}
                      {[person.protectedLocation.town, person.protectedLocation.address].filter(Boolean).join(", ")}
                    </dd>
                  ) : null}
                  {person.can.endProtection ? (
                    <dd>
                      <IdentityProtectionForm personId={person.id} version={person.version} protect={false} />
                    </dd>
                  ) : null}
                </div>
              ) : person.protectedLocation || person.can.protectIdentity ? (
                <div>
                  <dt className="text-sm text-slate-700">{t("protection")}</dt>
                  <dd>{t("protectionNone")}</dd>
                  {person.protectedLocation ? (
                    <dd className="text-sm">
                      {t("location")}:{" "}
                      {[person.protectedLocation.town, person.protectedLocation.address].filter(Boolean).join(", ")}
                    </dd>
                  ) : null}
                  {person.can.protectIdentity ? (
                    <dd>
                      <IdentityProtectionForm personId={person.id} version={person.version} protect />
                    </dd>
                  ) : null}
                </div>
              ) : null}
              <div>
                <dt className="text-sm text-slate-700">{t("coordinators")}</dt>
                <dd>
                  {person.assignments.length === 0 ? (
                    t("noCoordinators")
                  ) : (
                    <ul>
                      {person.assignments.map((a) => (
                        <li key={`${a.agency}-${a.user.id}`}>
                          {a.user.name} ({ta(a.agency)})
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="groups" className="rounded-lg border border-slate-300 bg-white p-4">
            <h2 id="groups" className="mb-3 text-lg font-semibold">
              {t("groups")}
            </h2>
            {person.memberships.length === 0 ? (
              <p>{t("noGroups")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {person.memberships.map((m) => {
                  return (
                    <li key={m.id}>
                      <Link href={`/groups/${m.group.id}`} className="font-medium">
                        {m.group.name}
                      </Link>
                      {m.group.isPrioritized ? (
                        <span className="ml-2 rounded border border-red-700 px-1 text-xs font-medium text-red-800">
                          {t("prioritized")}
                        </span>
                      ) : null}
                      {!m.isCurrent ? <span className="ml-2 text-sm text-slate-700">({t("former")})</span> : null}
                      <br />
                      <span className="text-sm">
                        {tr(m.role)}, {tm(m.confidence)} ·{" "}
                        {t("membershipPeriod", {
                          from: formatDate(m.validFrom),
                          to: m.validTo ? formatDate(m.validTo) : t("ongoing"),
                        })}
                      </span>
                      <br />
                      <span className="text-sm text-slate-700">
                        {t("membershipSource", { agency: ta(m.sourceAgency), date: formatDate(m.reviewDueOn) })}
                      </span>
                      {m.isReviewOverdue ? (
                        <strong className="ml-2 text-sm text-red-800">{t("reviewOverdue")}</strong>
                      ) : null}
                      {person.can.addMembership ? (
                        <>
                          <br />
                          <Link
                            href={`/people/${person.id}/memberships/${m.id}/edit`}
                            className="inline-flex min-h-11 items-center text-sm font-medium"
                          >
                            {t("editMembership", { group: m.group.name })}
                          </Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
            {person.can.addMembership ? (
              <Link href={`/people/${person.id}/memberships/new`} className={buttonClass("secondary", "mt-3")}>
                {t("addMembership")}
              </Link>
            ) : null}
          </section>
        </div>
        <section aria-labelledby="timeline" className="md:col-span-2">
          <h2 id="timeline" className="text-lg font-semibold">
            {t("timeline")}
          </h2>
          <p className="mb-3 text-sm text-slate-700">{t("timelineHint")}</p>
          <Timeline
            entries={person.timeline}
            canEditNotification={person.can.editNotification}
            canOpenReferral={person.can.openReferral}
          />
          {person.timelineTruncated ? <p className="mt-3 text-sm">{t("timelineTruncated")}</p> : null}
        </section>
      </div>
    </>
  );
}
