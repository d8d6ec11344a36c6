import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-guards";
import { getUserForAdmin } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { UserActionForm } from "@/components/users/user-action-form";
import { Alert } from "@/components/ui/alert";
import { SavedNotice } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default async function AdminUserPage({ params, searchParams }: PageProps<"/admin/users/[id]">) {
  const actor = await requireArea("admin");
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const user = await orNotFound(getUserForAdmin({ actor, userId: id }));
  const [t, tu, tr, ta, tn] = await Promise.all([
    getTranslations("user"),
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("agencies"),
    getTranslations("newUser"),
  ]);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">{t("back")}</Link>
      </p>
      <PageHeader title={user.name} intro={`${user.email} · ${tr(user.role)}`} />
      <SavedNotice
        value={done}
        messages={{
          deactivated: t("deactivated"),
          reactivated: t("reactivated"),
          resetDone: t("resetDone"),
          created: tn("created"),
        }}
      />
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{tu("status")}</dt>
        <dd>{user.isActive ? tu("active") : tu("inactive")}</dd>
        <dt className="font-medium">{tu("signIn")}</dt>
        <dd>{user.federatedSubject && user.agency ? tu("federated", { agency: ta(user.agency) }) : tu("password")}</dd>
        {user.federatedSubject ? (
          <>
            <dt className="font-medium">{tn("subject")}</dt>
            <dd className="break-all">{user.federatedSubject}</dd>
          </>
        ) : null}
        <dt className="font-medium">{tu("twoFactor")}</dt>
        <dd>{user.hasSecondFactor ? tu("twoFactorOn") : tu("twoFactorOff")}</dd>
        <dt className="font-medium">{t("recoveryCodesLeft")}</dt>
        <dd>{user.recoveryCodesLeft}</dd>
        <dt className="font-medium">{tu("lastSignIn")}</dt>
        <dd>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : tu("never")}</dd>
      </dl>
      {user.isSelf ? (
        <Alert tone="info">{t("selfNote")}</Alert>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <UserActionForm kind={user.isActive ? "deactivate" : "reactivate"} userId={user.id} version={user.version} />
          {user.hasSecondFactor ? <UserActionForm kind="reset" userId={user.id} version={user.version} /> : null}
        </div>
      )}
    </>
  );
}
