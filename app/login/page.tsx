import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { START_PAGE } from "@/lib/authz";
import { isDemoData } from "@/lib/settings";
import { LoginForm } from "@/components/layout/login-form";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(START_PAGE[actor.role]);
  const [t, ta, demo] = await Promise.all([getTranslations("login"), getTranslations("app"), isDemoData()]);
  return (
    <>
      {demo ? <DemoDataBanner /> : null}
      <main id="main" className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12">
        <div>
          <p className="text-lg font-semibold text-brand-800">{ta("name")}</p>
          <p className="text-slate-700">{ta("tagline")}</p>
        </div>
        <section className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
          <p className="mb-5 text-slate-700">{t("intro")}</p>
          <LoginForm next={typeof next === "string" ? next : undefined} />
        </section>
      </main>
    </>
  );
}
