import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { STATUSES } from "@/lib/people/schemas";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { PersonForm } from "@/components/people/person-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personForm"))("createTitle") };
}

export default async function NewPersonPage() {
  const actor = await requireArea("people");
  const [t, ts, ta] = await Promise.all([
    getTranslations("personForm"),
    getTranslations("personStatus"),
    getTranslations("agencies"),
  ]);
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <PersonForm
          statuses={enumOptions(STATUSES, ts)}
          agencyLabel={actor.agency ? ta(actor.agency) : null}
          cancelHref="/people"
        />
      </div>
    </>
  );
}
