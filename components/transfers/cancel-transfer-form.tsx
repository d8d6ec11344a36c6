"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { cancelFileTransferAction } from "@/lib/transfers/actions";

/** The sending site withdraws a transfer not yet answered. */
export function CancelTransferForm({ transferId, version }: { transferId: string; version: number }) {
  const t = useTranslations("transferForm");
  const form = useForm(cancelFileTransferAction);
  return (
    <Form form={form} className="mt-3">
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? t("withdrawing") : t("withdraw")}
      </Button>
    </Form>
  );
}
