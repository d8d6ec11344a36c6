"use client";
import { useTranslations } from "next-intl";
import { SERVICE_UNAVAILABLE_DIGEST } from "@/lib/errors";
import { FORM_TOO_LARGE_MESSAGE } from "@/lib/web-security";

/**
 * Never shows the error itself: only Next's digest, which matches the server log entry. A
 * database outage (lib/auth/session.ts) has a digest of its own and says "try again in a moment":
 * nothing is wrong with what the user did, and the app recovers by itself. A form too large to
 * send (proxy.ts answers it with FORM_TOO_LARGE_MESSAGE, which Next's client raises as the error's
 * message) says so: that text is the app's own, never a server error's.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const tu = useTranslations("unavailable");
  const unavailable = error.digest === SERVICE_UNAVAILABLE_DIGEST;
  const tooLarge = error.message === FORM_TOO_LARGE_MESSAGE;
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-3 text-2xl font-semibold">{unavailable ? tu("title") : t("title")}</h1>
      <p className="mb-2">{unavailable ? tu("body") : tooLarge ? t("formTooLarge") : t("body")}</p>
      {error.digest && !unavailable ? (
        <p className="mb-6 text-sm text-slate-700">{t("eventId", { digest: error.digest })}</p>
      ) : null}
      <button onClick={reset} className="mt-4 min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white">
        {unavailable ? tu("retry") : t("retry")}
      </button>
    </main>
  );
}
