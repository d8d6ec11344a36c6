import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { listTodo } from "@/lib/todo/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { TodoTable } from "@/components/todo/todo-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("todo"))("title") };
}

export default async function TodoPage() {
  const actor = await requireArea("todo");
  const [t, list] = await Promise.all([getTranslations("todo"), listTodo({ actor })]);
  const days = list.horizonDays;
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro", { days })}
        actions={
          <Link href="/account/digest" className="font-medium text-brand-700 underline">
            {t("digestLink")}
          </Link>
        }
      />
      <Section id="overdue" title={t("overdueHeading", { count: list.overdue.length })}>
        <TodoTable
          items={list.overdue}
          caption={t("overdueHeading", { count: list.overdue.length })}
          empty={t("overdueEmpty")}
        />
      </Section>
      <Section id="due" title={t("dueHeading", { days, count: list.due.length })}>
        <TodoTable
          items={list.due}
          caption={t("dueHeading", { days, count: list.due.length })}
          empty={t("dueEmpty", { days })}
        />
      </Section>
    </>
  );
}
