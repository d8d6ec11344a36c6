import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { verifyPage } from "@/lib/auth/login-pages";
import { RecoveryCodeForm } from "@/components/auth/code-form";
import { SignInShell } from "@/components/auth/sign-in-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery"))("title") };
}

export default async function RecoveryPage() {
  const { demo } = await verifyPage();
  const t = await getTranslations("recovery");
  return (
    <SignInShell demo={demo} title={t("title")} intro={t("intro")}>
      <RecoveryCodeForm />
      <div className="mt-6 flex flex-col gap-3">
        <Link href="/login/verify">{t("useCode")}</Link>
        <p className="text-sm text-slate-700">{t("lost")}</p>
      </div>
    </SignInShell>
  );
}
