import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { ZPage } from "@/lib/pagination";
import Link from "next/link";
import { listUsers, siteSignIn } from "@/lib/users/queries";
import { PasswordSignInForm } from "@/components/users/password-sign-in-form";
import { buttonClass } from "@/components/ui/button";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { UserTable } from "@/components/users/user-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const actor = await requireArea("admin");
  const params = await searchParams;
  const page = ZPage.parse(params.page);
  const [t, tn, tp, result, signIn] = await Promise.all([
    getTranslations("users"),
    getTranslations("newUser"),
    getTranslations("passwordSignIn"),
    listUsers({ actor, page }),
    siteSignIn({ actor }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("count", { count: result.total })} />
      <SavedNotice
        value={params.done}
        messages={{ passwordOn: tp("turnedOn"), passwordOff: tp("turnedOff"), created: tn("created") }}
      />
      {signIn.providers.length > 0 ? (
        <>
          <p className="mb-4">
            <Link href="/admin/users/new" className={buttonClass("primary")}>
              {t("newUser")}
            </Link>
          </p>
          <PasswordSignInForm site={signIn.siteName} enabled={signIn.passwordSignIn} version={signIn.version} />
        </>
      ) : null}
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
