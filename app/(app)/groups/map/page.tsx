import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getGroupMap } from "@/lib/group-relations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { GroupMapPicture, GroupMapTable } from "@/components/groups/group-map";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("groupMap"))("title") };
}

export default async function GroupMapPage() {
  const actor = await requireArea("groups");
  const [t, map] = await Promise.all([getTranslations("groupMap"), getGroupMap({ actor })]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={<Link href="/groups">{t("back")}</Link>} />
      <GroupMapPicture map={map} />
      <GroupMapTable map={map} />
    </>
  );
}
