import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { GroupForm } from "@/components/groups/group-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groupForm"))("createTitle") };
}

export default async function NewGroupPage() {
  await requireArea("groups");
  const t = await getTranslations("groupForm");
  return (
    <>
      <PageHeader title={t("createTitle")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <GroupForm cancelHref="/groups" />
      </div>
    </>
  );
}
