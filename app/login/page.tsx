import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loginPage } from "@/lib/auth/login-pages";
import { LoginForm } from "@/components/layout/login-form";
import { FederatedSignIn } from "@/components/auth/federated-sign-in";
import { SignInShell } from "@/components/auth/sign-in-shell";
import { Alert } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

const SESSION_MESSAGES = ["idle", "expired", "ended", "restart", "signedOut", "suspended"] as const;
const FEDERATED_REFUSALS = [
  "restart",
  "idpError",
  "tokenRejected",
  "lowAssurance",
  "missingSubject",
  "unknownSubject",
  "wrongAgency",
  "inactive",
  "suspended",
  "unavailable",
] as const;

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next, session, federated } = await searchParams;
  const { demo, providers } = await loginPage();
  const t = await getTranslations("login");
  const ended = SESSION_MESSAGES.find((s) => s === session);
  const refused = FEDERATED_REFUSALS.find((r) => r === federated);
  const nextPath = typeof next === "string" ? next : undefined;
  return (
    <SignInShell demo={demo} title={t("title")} intro={t("intro")}>
      {ended ? (
        <div className="mb-4">
          <Alert tone="info">{t(`session.${ended}`)}</Alert>
        </div>
      ) : null}
      {refused ? (
        <div className="mb-4">
          <Alert tone="error">{t(`federated.refused.${refused}`)}</Alert>
        </div>
      ) : null}
      {providers.length > 0 ? (
        <div className="mb-6 flex flex-col gap-4">
          <FederatedSignIn providers={providers} next={nextPath} />
          <p className="text-sm text-slate-600">{t("federated.or")}</p>
        </div>
      ) : null}
      <LoginForm next={nextPath} />
    </SignInShell>
  );
}
