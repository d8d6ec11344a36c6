"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { declineFileTransferAction } from "@/lib/transfers/actions";

/** The receiving site says no, optionally why (never the person's case). */
export function DeclineTransferForm({ transferId, version }: { transferId: string; version: number }) {
  const t = useTranslations("transferForm");
  const form = useForm(declineFileTransferAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="note"
        label={t("declineNote")}
        maxLength={500}
        defaultValue={form.value("note")}
        error={form.error("note")}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {form.pending ? t("declining") : t("decline")}
        </Button>
      </div>
    </Form>
  );
}
