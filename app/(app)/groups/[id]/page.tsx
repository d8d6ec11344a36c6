import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getGroup } from "@/lib/groups/queries";
import { getGroupRelations } from "@/lib/group-relations/queries";
import { orNotFound } from "@/lib/page-guards";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice, Section } from "@/components/ui/section";
import { GroupEnforcement, GroupNotifications } from "@/components/groups/group-activity";
import { GroupPriority } from "@/components/groups/group-priority";
import { GroupRelations } from "@/components/groups/group-relations";
import { MemberTable } from "@/components/groups/member-table";

export const metadata: Metadata = { title: "Gruppering" };

export default async function GroupPage({ params, searchParams }: PageProps<"/groups/[id]">) {
  const actor = await requireArea("groups");
  const { id } = await params;
  const { saved } = await searchParams;
  const [group, relations] = await orNotFound(
    Promise.all([getGroup({ actor, groupId: id }), getGroupRelations({ actor, groupId: id })]),
  );
  const [t, tr] = await Promise.all([getTranslations("group"), getTranslations("groupRelations")]);
  return (
    <>
      <SavedNotice
        value={saved}
        messages={{
          created: t("saved.created"),
          updated: t("saved.updated"),
          priority: t("saved.priority"),
          relation: tr("saved.relation"),
          relationEnded: tr("saved.relationEnded"),
        }}
      />
      <PageHeader
        title={group.name}
        intro={group.district ? `${t("district")}: ${group.district}` : undefined}
        actions={
          group.can.edit ? (
            <Link href={`/groups/${group.id}/edit`} className={buttonClass("secondary")}>
              {t("edit")}
            </Link>
          ) : null
        }
      />
      <GroupPriority group={group} />
      {group.description ? <p className="mb-6 whitespace-pre-line">{group.description}</p> : null}
      <Section
        id="current"
        title={`${t("currentMembers")} (${group.currentMembers.length})`}
        framed={false}
        className="mb-6"
      >
        <MemberTable members={group.currentMembers} caption={t("currentMembers")} />
      </Section>
      <Section
        id="former"
        title={`${t("formerMembers")} (${group.formerMembers.length})`}
        framed={false}
        className="mb-6"
      >
        <MemberTable members={group.formerMembers} caption={t("formerMembers")} />
      </Section>
      <GroupRelations groupId={group.id} relations={relations} agency={actor.agency} />
      <GroupNotifications notifications={group.notifications} />
      {group.enforcement ? <GroupEnforcement actions={group.enforcement} /> : null}
    </>
  );
}
