import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { enrolPage } from "@/lib/auth/login-pages";
import { EnrolForm } from "@/components/auth/enrol-form";
import { SignInShell } from "@/components/auth/sign-in-shell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enrol"))("title") };
}

export default async function EnrolPage() {
  const { demo, view } = await enrolPage();
  const t = await getTranslations("enrol");
  return (
    <SignInShell demo={demo} title={t("title")} intro={t("intro")}>
      <EnrolForm qrSvg={view?.qrSvg} manualKey={view?.manualKey} />
    </SignInShell>
  );
}
