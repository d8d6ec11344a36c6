"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { startFederatedSignInAction, type SignInState } from "@/lib/auth/actions";
import type { SignInProvider } from "@/lib/auth/oidc/providers";
import { Button } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/fields";

/** "Logga in med e-legitimation": one button per agency IdP, the test IdP marked as such. */
export function FederatedSignIn({ providers, next }: { providers: SignInProvider[]; next?: string }) {
  const t = useTranslations("login.federated");
  const [state, action, pending] = useActionState<SignInState, FormData>(startFederatedSignInAction, {});
  const sites = [...new Set(providers.map((p) => p.siteName))];
  return (
    <section aria-labelledby="federated-heading" className="flex flex-col gap-3">
      <h2 id="federated-heading" className="text-base font-semibold">
        {t("heading")}
      </h2>
      {state.error ? (
        <FormErrorSummary>
          <p>{t(state.error === "unavailable" ? "unavailable" : "failed")}</p>
        </FormErrorSummary>
      ) : null}
      {sites.map((site) => (
        <div key={site} className="flex flex-col gap-2">
          {sites.length > 1 ? <p className="text-sm font-medium text-zinc-700">{site}</p> : null}
          {providers
            .filter((p) => p.siteName === site)
            .map((p) => (
              <form key={p.id} action={action}>
                <input type="hidden" name="providerId" value={p.id} />
                {next ? <input type="hidden" name="next" value={next} /> : null}
                <Button type="submit" variant="secondary" disabled={pending} className="w-full">
                  {p.isTestProvider ? t("buttonTest", { label: p.label }) : t("button", { label: p.label })}
                </Button>
              </form>
            ))}
        </div>
      ))}
    </section>
  );
}
