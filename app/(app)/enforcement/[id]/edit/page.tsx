import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { personPage } from "@/lib/page-guards";
import { requireArea } from "@/lib/auth/session";
import { getEnforcementForEdit } from "@/lib/enforcement/edit";
import { ENFORCEMENT_TYPES } from "@/lib/enforcement/schemas";
import { toStockholmInputValue } from "@/lib/validation/dates";
import { enumOptions } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EditEnforcementForm } from "@/components/enforcement/edit-enforcement-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enforcementEdit"))("title") };
}

export default async function EditEnforcementPage({ params }: PageProps<"/enforcement/[id]/edit">) {
  const actor = await requireArea("enforcement");
  const { id } = await params;
  const { action: a, groups } = await personPage(getEnforcementForEdit({ actor, id }), `/enforcement/${id}/edit`);
  const [t, tf, tt, tp] = await Promise.all([
    getTranslations("enforcementEdit"),
    getTranslations("enforcementForm"),
    getTranslations("enforcementType"),
    getTranslations("personStatus"),
  ]);
  const about = a.person
    ? tf("aboutPerson", { name: a.person.name })
    : a.group
      ? tf("aboutGroup", { group: a.group.name })
      : undefined;
  return (
    <>
      <PageHeader title={t("title")} intro={[about, t("intro")].filter(Boolean).join(" ")} />
      <div className="max-w-2xl rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
        <EditEnforcementForm
          id={a.id}
          version={a.version}
          person={
            a.person
              ? {
                  name: a.person.name,
                  isDeprived: a.person.status === "DEPRIVED_OF_LIBERTY",
                  statusLabel: tp(a.person.status),
                }
              : null
          }
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          types={enumOptions(ENFORCEMENT_TYPES, tt)}
          stored={{
            groupId: a.group?.id ?? "",
            type: a.type,
            occurredAt: toStockholmInputValue(a.occurredAt),
            description: a.description ?? "",
          }}
          cancelHref={`/enforcement/${a.id}`}
        />
      </div>
    </>
  );
}
