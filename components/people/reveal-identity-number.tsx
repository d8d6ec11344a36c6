"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { revealIdentityNumberAction } from "@/lib/people/actions";
import { buttonClass } from "@/components/ui/button";

/**
 * The personnummer as pages show it, masked (YYYYMMDD-XXXX), with a button that asks the server for
 * the full number. The server checks access and logs the reveal (REVEAL_IDENTITY_NUMBER); the full
 * number lives in this component's state only and is gone on "hide" or when the page is left.
 */
export function RevealIdentityNumber({ personId, masked }: { personId: string; masked: string }) {
  const t = useTranslations("reveal");
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reveal = () =>
    startTransition(async () => {
      setError(null);
      const result = await revealIdentityNumberAction(personId);
      if (result.ok && result.identityNumber) setFull(result.identityNumber);
      else if (result.ok) setError(t("none"));
      else
        setError(result.eventId ? `${t(result.error)} ${t("eventId", { eventId: result.eventId })}` : t(result.error));
    });

  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="font-mono" aria-live="polite" data-testid="identity-number">
        {full ?? masked}
      </span>
      {full ? (
        <button type="button" className={buttonClass("ghost", "px-2")} onClick={() => setFull(null)}>
          {t("hide")}
        </button>
      ) : (
        <button
          type="button"
          className={buttonClass("ghost", "px-2")}
          onClick={reveal}
          disabled={pending}
          aria-describedby={`reveal-hint-${personId}`}
        >
          {pending ? t("revealing") : t("reveal")}
        </button>
      )}
      <span id={`reveal-hint-${personId}`} className="sr-only">
        {t("hint")}
      </span>
      {error ? (
        <span role="alert" className="w-full text-sm font-medium text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
