import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cancelSignInAction } from "@/lib/auth/actions";
import { verifyPage } from "@/lib/auth/login-pages";
import { TotpCodeForm } from "@/components/auth/code-form";
import { SignInShell } from "@/components/auth/sign-in-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function VerifyPage() {
  const { demo } = await verifyPage();
  const t = await getTranslations("verify");
  return (
    <SignInShell demo={demo} title={t("title")} intro={t("intro")}>
      <TotpCodeForm />
      <div className="mt-6 flex flex-col gap-3">
        <Link href="/login/recovery">{t("useRecoveryCode")}</Link>
        <form action={cancelSignInAction}>
          <button className="min-h-11 font-medium text-brand-700 underline">{t("cancel")}</button>
        </form>
      </div>
    </SignInShell>
  );
}
