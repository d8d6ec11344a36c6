import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/auth/session";
import { isDemoData } from "@/lib/settings";
import { AppHeader } from "@/components/layout/app-header";
import { DemoDataBanner } from "@/components/layout/demo-data-banner";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [t, demo] = await Promise.all([getTranslations("app"), isDemoData()]);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 print:hidden"
      >
        {t("skipToContent")}
      </a>
      {demo ? <DemoDataBanner /> : null}
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
