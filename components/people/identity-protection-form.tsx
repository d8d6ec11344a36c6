"use client";
import { Form, FormErrorBanner, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { setIdentityProtectionAction } from "@/lib/people/actions";
import { Button } from "@/components/ui/button";

/**
 * Social services protect a person's identity, or (a handler) end the protection: two steps (open,
 * confirm), since either changes at once who sees the person's town and address.
 */
export function IdentityProtectionForm({
  personId,
  version,
  protect,
}: {
  personId: string;
  version: number;
  protect: boolean;
}) {
  const t = useTranslations("person");
  const form = useForm(setIdentityProtectionAction);
  const { state, pending } = form;
  return (
    <details className="mt-2" open={state.status === "error"}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">
        {t(protect ? "protect" : "endProtection")}
      </summary>
      <Form
        form={form}
        banner={false}
        className="mt-2 flex flex-col gap-3 rounded-md border border-amber-700 bg-amber-50 p-3"
      >
        <input type="hidden" name="personId" value={personId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="protect" value={protect ? "yes" : "no"} />
        <p>{t(protect ? "protectExplained" : "endProtectionExplained")}</p>
        <FormErrorBanner state={state} />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("protecting") : t(protect ? "confirmProtect" : "confirmEndProtection")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
