import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import { listUsers } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const actor = await requireArea("admin");
  const page = ZPage.parse((await searchParams).page);
  const [t, tr, result] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    listUsers({ actor, page }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("count", { count: result.total })} />
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("name")}
              </th>
              <th scope="col" className="p-2">
                {t("email")}
              </th>
              <th scope="col" className="p-2">
                {t("role")}
              </th>
              <th scope="col" className="p-2">
                {t("status")}
              </th>
              <th scope="col" className="p-2">
                {t("twoFactor")}
              </th>
              <th scope="col" className="p-2">
                {t("lastSignIn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((u) => (
              <tr key={u.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/admin/users/${u.id}`} aria-label={t("manageUser", { name: u.name })}>
                    {u.name}
                  </Link>
                </td>
                <td className="p-2">{u.email}</td>
                <td className="p-2">{tr(u.role)}</td>
                <td className="p-2">{u.isActive ? t("active") : t("inactive")}</td>
                <td className="p-2">{u.hasSecondFactor ? t("twoFactorOn") : t("twoFactorOff")}</td>
                <td className="p-2">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("never")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(p) => `/admin/users?page=${p}`}
      />
    </>
  );
}
