import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";

/** The frame of every sign-in page: the app's name, one card with a heading, and the demo marker. */
export async function SignInShell({
  demo,
  title,
  intro,
  children,
}: {
  demo: boolean;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const ta = await getTranslations("app");
  return (
    <>
      {demo ? <DemoDataBanner /> : null}
      <main id="main" className="mx-auto flex max-w-md flex-col gap-6 px-4 py-12">
        <div>
          <p className="text-lg font-semibold text-brand-800">{ta("name")}</p>
          <p className="text-slate-700">{ta("tagline")}</p>
        </div>
        <section className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
          <h1 className="mb-1 text-2xl font-semibold">{title}</h1>
          {intro ? <div className="mb-5 text-slate-700">{intro}</div> : null}
          {children}
        </section>
      </main>
    </>
  );
}
