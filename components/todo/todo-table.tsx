import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TodoItem, TodoKind } from "@/lib/todo/queries";
import { formatDate } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/** Where each kind of item is done. */
const HREF: Record<TodoKind, (item: TodoItem) => string> = {
  followUp: (i) => `/follow-ups/${i.id}`,
  meetingTask: (i) => `/meetings/${i.detail}`,
  plannedVisit: (i) => `/visits/${i.id}`,
  planMeasure: (i) => `/people/${i.personId}/plan/measures/${i.id}`,
  consentLapsing: (i) => `/people/${i.personId}/consent`,
  membershipReview: (i) => `/people/${i.personId}/memberships/${i.id}/edit`,
};

/** One part of the to-do list (overdue, or due soon) as the one table of the app. */
export async function TodoTable({ items, caption, empty }: { items: TodoItem[]; caption: string; empty: string }) {
  const t = await getTranslations("todo");
  return (
    <DataTable
      caption={caption}
      rows={items}
      rowKey={(i) => `${i.kind}:${i.id}`}
      empty={empty}
      columns={[
        {
          header: t("what"),
          primary: true,
          cell: (i) => (
            <Link href={HREF[i.kind](i)} className="font-semibold underline">
              {t(`kind_${i.kind}`, { group: i.detail ?? "" })}
            </Link>
          ),
        },
        { header: t("person"), cell: (i) => i.personName ?? "–" },
        {
          header: t("dueOn"),
          className: "whitespace-nowrap",
          cell: (i) => (
            <>
              {formatDate(i.dueOn)}
              {i.isOverdue ? (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-sm font-semibold text-red-900">
                  {t("overdue")}
                </span>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
