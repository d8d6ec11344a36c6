import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { listUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserTable } from "@/components/users/user-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const actor = await requireArea("admin");
  const page = ZPage.parse((await searchParams).page);
  const [t, result] = await Promise.all([getTranslations("users"), listUsers({ actor, page })]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("count", { count: result.total })} />
      <UserTable users={result.items} />
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(p) => `/admin/users?page=${p}`}
      />
    </>
  );
}
