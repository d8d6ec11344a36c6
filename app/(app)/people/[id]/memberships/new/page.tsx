import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getMembershipFormOptions } from "@/lib/groups/queries";
import { CONFIDENCES, MEMBERSHIP_ROLES, SOURCE_AGENCIES } from "@/lib/groups/schemas";
import { personPage } from "@/lib/page-guards";
import { stockholmToday } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { MembershipForm } from "@/components/groups/membership-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("membershipForm"))("createTitle") };
}

/** Six months ahead: intelligence about membership is looked at again at least twice a year. */
function defaultReviewDate(): string {
  const d = new Date(`${stockholmToday()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.toISOString().slice(0, 10);
}

export default async function NewMembershipPage({ params }: PageProps<"/people/[id]/memberships/new">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const { person, groups } = await personPage(
    getMembershipFormOptions({ actor, personId: id }),
    `/people/${id}/memberships/new`,
  );
  const [t, tr, tc, ta] = await Promise.all([
    getTranslations("membershipForm"),
    getTranslations("membershipRole"),
    getTranslations("confidence"),
    getTranslations("agencies"),
  ]);
  return (
    <>
      <PageHeader
        title={t("createTitle")}
        intro={t("aboutPerson", { person: `${person.firstName} ${person.lastName}` })}
      />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <MembershipForm
          personId={person.id}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          roles={enumOptions(MEMBERSHIP_ROLES, tr)}
          confidences={enumOptions(CONFIDENCES, tc)}
          agencies={enumOptions(SOURCE_AGENCIES, ta)}
          defaults={{
            validFrom: stockholmToday(),
            validTo: "",
            role: "UNKNOWN",
            sourceAgency: actor.agency ?? "",
            confidence: "",
            reviewDueOn: defaultReviewDate(),
          }}
        />
      </div>
    </>
  );
}
