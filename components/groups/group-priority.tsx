import { getTranslations } from "next-intl/server";
import type { getGroup } from "@/lib/groups/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { PriorityForm } from "./priority-form";

type Group = Awaited<ReturnType<typeof getGroup>>;

/** Whether the group is the police's current focus, who marked it, and (for the police) the switch. */
export async function GroupPriority({ group }: { group: Group }) {
  const t = await getTranslations("group");
  return (
    <section
      aria-label={t("prioritized")}
      className="mb-6 flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-4 sm:flex-row sm:items-center sm:justify-between print:p-2"
    >
      <div>
        <p className={group.isPrioritized ? "font-semibold text-red-800" : "font-medium"}>
          {group.isPrioritized ? t("prioritized") : t("notPrioritized")}
        </p>
        {group.prioritizedAt && group.prioritizedBy ? (
          <p className="text-sm text-slate-700">
            {t(group.isPrioritized ? "prioritizedSince" : "priorityEndedBy", {
              name: group.prioritizedBy.name,
              date: formatDateTime(group.prioritizedAt),
            })}
          </p>
        ) : null}
      </div>
      {group.can.prioritize ? (
        <PriorityForm groupId={group.id} version={group.version} isPrioritized={group.isPrioritized} />
      ) : null}
    </section>
  );
}
