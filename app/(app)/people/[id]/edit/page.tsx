import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { personPage } from "@/lib/page-guards";
import { requireArea } from "@/lib/auth/session";
import { getPersonForEdit } from "@/lib/people/queries";
import { STATUSES } from "@/lib/people/schemas";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { PersonForm } from "@/components/people/person-form";

export const metadata: Metadata = { title: "Person" };

export default async function EditPersonPage({ params }: PageProps<"/people/[id]/edit">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const person = await personPage(getPersonForEdit({ actor, personId: id }), `/people/${id}/edit`);
  const [t, ts] = await Promise.all([getTranslations("personForm"), getTranslations("personStatus")]);
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <>
      <PageHeader title={t("editTitle", { name })} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <PersonForm
          statuses={enumOptions(STATUSES, ts)}
          agencyLabel={null}
          cancelHref={`/people/${person.id}`}
          edit={{
            personId: person.id,
            version: person.version,
            maskedIdentityNumber: person.maskedIdentityNumber,
            defaults: {
              firstName: person.firstName,
              lastName: person.lastName,
              birthDate: person.birthDate ? person.birthDate.toISOString().slice(0, 10) : "",
              aliases: person.aliases.join(", "),
              status: person.status,
            },
          }}
        />
      </div>
    </>
  );
}
