"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { enrolAction, finishEnrolmentAction, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { SignInError } from "./code-form";

export type EnrolFormProps = {
  /** The QR code as SVG markup (made on the server from the otpauth URI). Absent once enrolled. */
  qrSvg?: string;
  /** The same secret, in groups of four, for typing into the app by hand. */
  manualKey?: string;
};

/**
 * Enrolment at the first sign-in: scan, prove it works with a code, then see the recovery codes
 * once. The codes live only in this component's state, never in a URL or a cookie.
 */
export function EnrolForm({ qrSvg, manualKey }: EnrolFormProps) {
  const t = useTranslations("enrol");
  const tv = useTranslations("verify");
  const [state, action, pending] = useActionState<SignInState, FormData>(enrolAction, {});

  if (state.recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">{t("codesTitle")}</h2>
        <p>{t("codesIntro")}</p>
        <ul
          aria-label={t("codesLabel")}
          className="flex flex-col gap-1 rounded-md border border-slate-300 bg-slate-50 p-4 font-mono text-lg whitespace-nowrap"
        >
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <form action={finishEnrolmentAction}>
          <input type="hidden" name="next" value={state.next ?? "/"} />
          <Button type="submit">{t("codesDone")}</Button>
        </form>
      </div>
    );
  }

  if (!qrSvg || !manualKey) return <p>{t("alreadyDone")}</p>;

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-4 pl-5">
        <li>{t("install")}</li>
        <li>
          <p className="mb-2">{t("scan")}</p>
          {/* Server-made SVG of our own otpauth URI: no user input reaches it. */}
          <div
            role="img"
            aria-label={t("qrLabel")}
            className="w-48 rounded-md border border-slate-300 bg-white p-2"
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <p className="mt-2 text-sm">{t("manual")}</p>
          <p className="font-mono text-base" data-testid="totp-manual-key">
            {manualKey}
          </p>
        </li>
        <li>{t("enterCode")}</li>
      </ol>
      <form action={action} className="flex flex-col gap-4">
        <SignInError state={state} />
        <TextField
          name="code"
          label={tv("code")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={12}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
    </div>
  );
}
