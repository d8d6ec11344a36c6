import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listPersonReaders } from "@/lib/audit/queries";
import { orNotFound } from "@/lib/pages";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ReadersTable } from "@/components/audit/readers-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditReaders"))("title") };
}

/** "Who has read this person's file": the second click from the audit list or the person picker. */
export default async function PersonReadersPage({ params }: PageProps<"/admin/audit/people/[personId]">) {
  const actor = await requireArea("admin");
  const { personId } = await params;
  const { person, readers } = await orNotFound(listPersonReaders({ actor, personId }));
  const t = await getTranslations("auditReaders");
  const name = person.label ?? t("anonymisedPerson");
  return (
    <>
      <PageHeader
        title={t("heading", { name })}
        intro={person.maskedIdentityNumber ? t("intro", { masked: person.maskedIdentityNumber }) : t("introNoNumber")}
        actions={
          <>
            <Link href={`/admin/audit?${new URLSearchParams({ personId: person.id })}`} className={buttonClass("secondary")}>
              {t("allEvents")}
            </Link>
            <Link href={`/people/${person.id}/extract`} className={buttonClass("secondary")}>
              {t("extract")}
            </Link>
          </>
        }
      />
      <ReadersTable personId={person.id} readers={readers} />
    </>
  );
}
