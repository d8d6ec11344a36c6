import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listPersonReaders } from "@/lib/audit-log/queries";
import { orNotFound } from "@/lib/page-guards";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ReadersTable } from "@/components/audit/readers-table";
import { ExtractHistoryTable } from "@/components/register-extract/extract-history-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditReaders"))("title") };
}

/** "Who has read this person's file": the second click from the audit list or the person picker. */
export default async function PersonReadersPage({ params }: PageProps<"/admin/audit/people/[personId]">) {
  const actor = await requireArea("admin");
  const { personId } = await params;
  const { person, readers, extractEvents } = await orNotFound(listPersonReaders({ actor, personId }));
  const [t, th] = await Promise.all([getTranslations("auditReaders"), getTranslations("extractHistory")]);
  const name = person.label ?? t("anonymisedPerson");
  return (
    <>
      <PageHeader
        title={t("heading", { name })}
        intro={person.maskedIdentityNumber ? t("intro", { masked: person.maskedIdentityNumber }) : t("introNoNumber")}
        actions={
          <>
            <Link
              href={`/admin/audit?${new URLSearchParams({ personId: person.id })}`}
              className={buttonClass("secondary")}
            >
              {t("allEvents")}
            </Link>
            {person.anonymised ? null : (
              <Link
                href={`/admin/extract-requests/new?${new URLSearchParams({ personId: person.id })}`}
                className={buttonClass("secondary")}
              >
                {th("register")}
              </Link>
            )}
          </>
        }
      />
      <ReadersTable personId={person.id} readers={readers} />
      <Section id="extract-history" title={th("title")} framed={false} className="mt-8">
        <ExtractHistoryTable events={extractEvents} />
      </Section>
    </>
  );
}
