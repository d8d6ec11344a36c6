import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireArea } from "@/lib/auth/session";
import { getEnforcementFormOptions } from "@/lib/enforcement/queries";
import { ENFORCEMENT_TYPES } from "@/lib/enforcement/schemas";
import { personPage } from "@/lib/page-guards";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EnforcementForm } from "@/components/enforcement/enforcement-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enforcementForm"))("title") };
}

const ZTarget = z.object({
  personId: z.string().optional().catch(undefined),
  groupId: z.string().optional().catch(undefined),
});

export default async function NewEnforcementPage({ searchParams }: PageProps<"/enforcement/new">) {
  const actor = await requireArea("enforcement");
  const target = ZTarget.parse(await searchParams);
  const next = `/enforcement/new?${new URLSearchParams({ ...(target.personId ? { personId: target.personId } : {}), ...(target.groupId ? { groupId: target.groupId } : {}) })}`;
  const options = await personPage(
    getEnforcementFormOptions({
      actor,
      personId: target.personId || undefined,
      groupId: target.groupId || undefined,
    }),
    next,
  );
  const [t, tt, tp] = await Promise.all([
    getTranslations("enforcementForm"),
    getTranslations("enforcementType"),
    getTranslations("personStatus"),
  ]);
  const about = options.person
    ? t("aboutPerson", { name: options.person.name })
    : options.group
      ? t("aboutGroup", { group: options.group.name })
      : t("aboutNone");
  return (
    <>
      <PageHeader title={t("title")} intro={about} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <EnforcementForm
          person={
            options.person
              ? {
                  id: options.person.id,
                  name: options.person.name,
                  isDeprived: options.person.status === "DEPRIVED_OF_LIBERTY",
                  statusLabel: tp(options.person.status),
                }
              : undefined
          }
          group={options.group ?? undefined}
          members={options.members.map((m) => ({
            value: m.id,
            label: m.status === "ACTIVE" ? m.name : `${m.name} (${tp(m.status)})`,
          }))}
          groups={options.groups.map((g) => ({ value: g.id, label: g.name }))}
          defaultGroupId={options.person?.groupIds.length === 1 ? options.person.groupIds[0] : undefined}
          types={enumOptions(ENFORCEMENT_TYPES, tt)}
          defaultOccurredAt={toStockholmInputValue(new Date())}
          cancelHref={options.person ? `/people/${options.person.id}` : "/enforcement"}
        />
      </div>
    </>
  );
}
