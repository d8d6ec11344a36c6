import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAccessPrompt } from "@/lib/caseload-gate";
import { ACCESS_GRANT_MINUTES, ACCESS_REASON_CODES, safeAccessNext } from "@/lib/caseload-gate/reasons";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { AccessReasonForm } from "@/components/audit/access-reason-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access"))("title") };
}

/** The caseload gate's question: why open the file of a person outside one's caseload. */
export default async function AccessReasonPage({ params, searchParams }: PageProps<"/people/[id]/access">) {
  const actor = await requireArea("people");
  const { id } = await params;
  const next = safeAccessNext(id, (await searchParams).next);
  const prompt = await orNotFound(getAccessPrompt({ actor, personId: id }));
  if (!prompt) redirect(next);
  const [t, tr] = await Promise.all([getTranslations("access"), getTranslations("accessReasons")]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro", { name: prompt.name, minutes: ACCESS_GRANT_MINUTES })} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <AccessReasonForm personId={prompt.id} next={next} reasons={enumOptions(ACCESS_REASON_CODES, tr)} />
      </div>
    </>
  );
}
