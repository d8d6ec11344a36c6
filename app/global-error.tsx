"use client";
import "./globals.css";
import { SERVICE_UNAVAILABLE_DIGEST } from "@/lib/errors";

// Last resort when the root layout itself fails: no providers, so the text is fixed Swedish, and
// styled by the app's stylesheet (no inline styles: the Content-Security-Policy allows none).
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const unavailable = error.digest === SERVICE_UNAVAILABLE_DIGEST;
  return (
    <html lang="sv">
      <body className="min-h-dvh">
        <main id="main" className="mx-auto max-w-xl px-4 py-16">
          <h1 className="mb-3 text-2xl font-semibold">
            {unavailable ? "Tjänsten är tillfälligt otillgänglig" : "Något gick fel"}
          </h1>
          <p className="mb-2">
            {unavailable
              ? "Samverkan får just nu inte kontakt med sin databas. Försök igen om en stund."
              : "Ett oväntat fel inträffade. Försök igen om en stund."}
          </p>
          {error.digest && !unavailable ? <p className="text-sm text-slate-700">Felkod: {error.digest}</p> : null}
          <a
            href=""
            className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white no-underline"
          >
            Försök igen
          </a>
        </main>
      </body>
    </html>
  );
}
