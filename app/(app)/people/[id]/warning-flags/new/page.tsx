import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { personPage } from "@/lib/page-guards";
import { enumOptions } from "@/lib/labels";
import { getWarningFlagFormOptions } from "@/lib/warning-flags/queries";
import { WARNING_FLAG_KINDS } from "@/lib/warning-flags/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { SetWarningFlagForm } from "@/components/warning-flags/set-warning-flag-form";
import { WarningFlagAlert } from "@/components/warning-flags/warning-flag-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("warningFlagForm"))("title") };
}

export default async function NewWarningFlagPage({ params }: PageProps<"/people/[id]/warning-flags/new">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { person, flags } = await personPage(
    getWarningFlagFormOptions({ actor, personId: id }),
    `/people/${id}/warning-flags/new`,
  );
  const [t, tk, ta] = await Promise.all([
    getTranslations("warningFlagForm"),
    getTranslations("warningFlagKinds"),
    getTranslations("agencies"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: person.name })} />
      <WarningFlagAlert flags={flags} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <SetWarningFlagForm
          personId={person.id}
          kinds={enumOptions(WARNING_FLAG_KINDS, tk)}
          agencyLabel={ta(actor.agency ?? "POLICE")}
        />
      </div>
    </>
  );
}
