import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getMembershipForEdit } from "@/lib/groups/queries";
import { CONFIDENCES, MEMBERSHIP_ROLES, SOURCE_AGENCIES } from "@/lib/groups/schemas";
import { personPage } from "@/lib/page-guards";
import { formatDateTime } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { MembershipForm } from "@/components/groups/membership-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("membershipForm"))("editTitle") };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export default async function EditMembershipPage({
  params,
}: PageProps<"/people/[id]/memberships/[membershipId]/edit">) {
  const actor = await requireArea("people");
  const { id, membershipId } = await params;
  const m = await personPage(
    getMembershipForEdit({ actor, membershipId }),
    `/people/${id}/memberships/${membershipId}/edit`,
  );
  if (m.person.id !== id) notFound();
  const [t, tr, tc, ta] = await Promise.all([
    getTranslations("membershipForm"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
  ]);
  return (
    <>
      <PageHeader
        title={t("editTitle")}
        intro={t("about", { person: `${m.person.firstName} ${m.person.lastName}`, group: m.group.name })}
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <MembershipForm
          personId={m.person.id}
          edit={{
            membershipId: m.id,
            version: m.version,
            lastReviewed: m.reviewedAt ? formatDateTime(m.reviewedAt) : null,
          }}
          roles={enumOptions(MEMBERSHIP_ROLES, tr)}
          confidences={enumOptions(CONFIDENCES, tc)}
          agencies={enumOptions(SOURCE_AGENCIES, ta)}
          defaults={{
            validFrom: iso(m.validFrom),
            validTo: m.validTo ? iso(m.validTo) : "",
            role: m.role,
            sourceAgency: m.sourceAgency,
            confidence: m.confidence,
            reviewDueOn: iso(m.reviewDueOn),
          }}
        />
      </div>
    </>
  );
}
