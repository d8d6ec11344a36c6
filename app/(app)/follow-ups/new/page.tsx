import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { getFollowUpFormOptions } from "@/lib/followups/queries";
import { CONTACT_TYPES } from "@/lib/followups/schemas";
import { personPage } from "@/lib/page-guards";
import { formatDateTime } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { LogFollowUpForm } from "@/components/followups/log-follow-up-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUpForm"))("title") };
}

export default async function NewFollowUpPage({ searchParams }: PageProps<"/follow-ups/new">) {
  const actor = await requireArea("followUps");
  const { personId } = z.object({ personId: z.string().catch("") }).parse(await searchParams);
  const { person, notifications, officers } = await personPage(
    getFollowUpFormOptions({ actor, personId }),
    `/follow-ups/new?${new URLSearchParams({ personId })}`,
  );
  const [t, tc] = await Promise.all([getTranslations("followUpForm"), getTranslations("contactType")]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("about", { name: person.name })} />
      {person.status === "DEPRIVED_OF_LIBERTY" ? (
        <div className="mb-4">
          <Alert tone="warning">{t("deprivedWarning")}</Alert>
        </div>
      ) : null}
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <LogFollowUpForm
          personId={person.id}
          actorId={actor.id}
          defaultDueOn=""
          officers={officers.map((o) => ({ value: o.id, label: o.name }))}
          notifications={notifications.map((n) => ({ value: n.id, label: formatDateTime(n.occurredAt) }))}
          contactTypes={enumOptions(CONTACT_TYPES, tc)}
        />
      </div>
    </>
  );
}
