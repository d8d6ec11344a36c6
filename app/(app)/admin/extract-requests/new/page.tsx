import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getExtractRequestSubject } from "@/lib/register-extract/queries";
import { EXTRACT_REQUESTERS, IDENTITY_CHECKS } from "@/lib/register-extract/schemas";
import { stockholmToday } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterRequestForm } from "@/components/register-extract/register-request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("extractRequests"))("newTitle") };
}

/** ADMIN registers an access request, starting from the person's page in the audit log (`?personId=`). */
export default async function NewExtractRequestPage({ searchParams }: PageProps<"/admin/extract-requests/new">) {
  const actor = await requireArea("admin");
  const { personId } = await searchParams;
  const person = await orNotFound(
    getExtractRequestSubject({ actor, personId: typeof personId === "string" ? personId : "" }),
  );
  const [t, tr, ti, te] = await Promise.all([
    getTranslations("extractRequests"),
    getTranslations("extractRequesters"),
    getTranslations("identityChecks"),
    getTranslations("errors"),
  ]);
  const name = person.label ?? t("anonymisedPerson");
  return (
    <>
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <p className="mb-4 font-medium">
        {person.maskedIdentityNumber
          ? t("subject", { name, masked: person.maskedIdentityNumber })
          : t("subjectNoNumber", { name })}
      </p>
      {person.anonymised ? (
        <Alert tone="info">{te("personAnonymised")}</Alert>
      ) : (
        <RegisterRequestForm
          personId={person.id}
          requesters={enumOptions(EXTRACT_REQUESTERS, tr)}
          identityChecks={enumOptions(IDENTITY_CHECKS, ti)}
          today={stockholmToday()}
          cancelHref={`/admin/audit/people/${person.id}`}
        />
      )}
    </>
  );
}
