import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { roleNeedsOverview } from "@/lib/role-needs/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/section";
import { RoleNeedsOverview } from "@/components/vetting/role-needs-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roleNeeds"))("title") };
}

export default async function RoleNeedsPage({ searchParams }: PageProps<"/admin/roles">) {
  const actor = await requireArea("admin");
  const [{ done }, t] = await Promise.all([searchParams, getTranslations("roleNeeds")]);
  const roles = await roleNeedsOverview({ actor });
  return (
    <>
      <SavedNotice value={done} messages={{ saved: t("saved") }} />
      <PageHeader title={t("title")} intro={t("intro")} />
      <RoleNeedsOverview roles={roles} />
    </>
  );
}
