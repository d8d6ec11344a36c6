import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function ChangePasswordPage() {
  await requireActor();
  const t = await getTranslations("account");
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} />
    </div>
  );
}
