import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { hasPassword } from "@/lib/auth/password-change";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function ChangePasswordPage() {
  const actor = await requireActor();
  const [t, withPassword] = await Promise.all([getTranslations("account"), hasPassword(actor)]);
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} intro={t("intro")} />
      {withPassword ? (
        <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
      ) : (
        <Alert tone="info">{t("noPassword")}</Alert>
      )}
    </div>
  );
}
