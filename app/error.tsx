"use client";
import { useTranslations } from "next-intl";

// Never shows the error itself: only Next's digest, which matches the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-2">{t("body")}</p>
      {error.digest ? <p className="mb-6 text-sm text-slate-700">{t("eventId", { digest: error.digest })}</p> : null}
      <button onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">
        {t("retry")}
      </button>
    </main>
  );
}
