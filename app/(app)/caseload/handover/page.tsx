import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { getHandoverOptions } from "@/lib/assignments/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Handover } from "@/components/caseload/handover";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handover"))("title") };
}

export default async function HandoverPage() {
  const actor = await requireArea("caseload");
  const [t, options] = await Promise.all([getTranslations("handover"), getHandoverOptions({ actor })]);
  if (!options) notFound();
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={<Link href="/caseload">{t("back")}</Link>} />
      <Handover options={options} me={{ id: actor.id, name: actor.name }} />
    </>
  );
}
