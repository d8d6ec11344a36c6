import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { withAccessPrompt } from "@/lib/access/pages"; // [confid]
import { can } from "@/lib/authz";
import { orNotFound } from "@/lib/pages";
import { getPersonFile } from "@/lib/people/queries";
import { formatDate } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/people/status-badge";
import { Timeline } from "@/components/people/timeline";
import { RevealIdentityNumber } from "@/components/people/reveal-identity-number"; // [confid]

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params, searchParams }: PageProps<"/people/[id]">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { saved } = await searchParams;
  // [confid] caseload gate: outside the actor's caseload, the reason form first (lib/access).
  const person = await withAccessPrompt(id, orNotFound(getPersonFile({ actor, personId: id })));
  const [t, tr, tm, tc, tconsent] = await Promise.all([
    getTranslations("person"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
    getTranslations("consent"), // [confid]
  ]);
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <>
      {saved === "notification" ? (
        <div className="mb-4">
          <Alert tone="success">{t("notificationSaved")}</Alert>
        </div>
      ) : null}
      <PageHeader
        title={name}
        actions={
          <>
            {/* [confid] the person's consents */}
            <Link href={`/people/${person.id}/consent`} className={buttonClass("secondary")}>
              {tconsent("fileLink")}
            </Link>
            {can(actor, "notification", "create") ? (
              <Link href={`/people/${person.id}/notifications/new`} className={buttonClass("primary")}>
                {t("logNotification")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="profile" className="rounded-lg border border-slate-300 bg-white p-4 md:col-span-1">
          <h2 id="profile" className="mb-3 text-lg font-semibold">
            {t("profile")}
          </h2>
          <dl className="flex flex-col gap-3">
            <div>
              <dt className="text-sm text-slate-700">{person.identityNumberKind === "SAMORDNINGSNUMMER" ? t("samordningsnummer") : t("identityNumber")}</dt>
              {/* [confid] masked until the user asks; the reveal is logged */}
              <dd>{person.maskedIdentityNumber ? <RevealIdentityNumber personId={person.id} masked={person.maskedIdentityNumber} /> : "–"}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">{t("status")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                <StatusBadge status={person.status} /> <span className="text-sm">{t("since", { date: formatDate(person.statusSince) })}</span>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">{t("aliases")}</dt>
              <dd>{person.aliases.length > 0 ? person.aliases.join(", ") : t("noAliases")}</dd>
            </div>
            {person.hasProtectedIdentity ? (
              <div>
                <dd className="font-medium text-amber-900">{t("protectedIdentity")}</dd>
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
                        {a.user.name} ({tc(a.agency)})
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-700">{t("groups")}</dt>
              <dd>
                {person.memberships.length === 0 ? (
                  t("noGroups")
                ) : (
                  <ul className="flex flex-col gap-1">
                    {person.memberships.map((m) => (
                      <li key={m.id}>
                        <span className="font-medium">{m.group.name}</span> – {tr(m.role)}, {tm(m.confidence)}
                        <br />
                        <span className="text-sm text-slate-700">
                          {t("membershipPeriod", { from: formatDate(m.validFrom), to: m.validTo ? formatDate(m.validTo) : t("ongoing") })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="timeline" className="md:col-span-2">
          <h2 id="timeline" className="mb-3 text-lg font-semibold">
            {t("timeline")}
          </h2>
          <Timeline notifications={person.notifications} />
        </section>
      </div>
    </>
  );
}
