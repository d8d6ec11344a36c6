import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loginPage } from "@/lib/auth/login-pages";
import { LoginForm } from "@/components/layout/login-form";
import { SignInShell } from "@/components/auth/sign-in-shell";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

const SESSION_MESSAGES = ["idle", "expired", "ended", "restart"] as const;

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next, session } = await searchParams;
  const { demo } = await loginPage();
  const t = await getTranslations("login");
  const ended = SESSION_MESSAGES.find((s) => s === session);
  return (
    <SignInShell demo={demo} title={t("title")} intro={t("intro")}>
      {ended ? (
        <div className="mb-4">
          <Alert tone="info">{t(`session.${ended}`)}</Alert>
        </div>
      ) : null}
      <LoginForm next={typeof next === "string" ? next : undefined} />
    </SignInShell>
  );
}
