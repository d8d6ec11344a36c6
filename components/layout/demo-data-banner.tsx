import { getTranslations } from "next-intl/server";

/** Shown on every page while the demo seed is loaded: nobody should mistake it for real data. */
export async function DemoDataBanner() {
  const t = await getTranslations("app");
  return (
    <div
      role="note"
      aria-label={t("demoData")}
      className="bg-amber-300 px-4 py-1.5 text-center text-sm text-slate-950 print:border-2 print:border-slate-950"
    >
      <strong className="mr-2 uppercase tracking-wide">{t("demoData")}</strong>
      {t("demoDataExplained")}
    </div>
  );
}
