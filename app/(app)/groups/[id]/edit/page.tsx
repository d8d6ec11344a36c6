import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getGroupForEdit } from "@/lib/groups/queries";
import { orNotFound } from "@/lib/page-guards";
import { PageHeader } from "@/components/ui/page-header";
import { GroupForm } from "@/components/groups/group-form";

export const metadata: Metadata = { title: "Gruppering" };

export default async function EditGroupPage({ params }: PageProps<"/groups/[id]/edit">) {
  const actor = await requireArea("groups");
  const { id } = await params;
  const group = await orNotFound(getGroupForEdit({ actor, groupId: id }));
  const t = await getTranslations("groupForm");
  return (
    <>
      <PageHeader title={t("editTitle", { name: group.name })} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <GroupForm
          cancelHref={`/groups/${group.id}`}
          edit={{
            groupId: group.id,
            version: group.version,
            defaults: { name: group.name, district: group.district ?? "", description: group.description ?? "" },
          }}
        />
      </div>
    </>
  );
}
