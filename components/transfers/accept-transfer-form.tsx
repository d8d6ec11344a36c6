"use client";
import { useTranslations } from "next-intl";
import { Form, useForm } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { CheckboxField, ChoiceGroup, SelectField } from "@/components/ui/fields";
import { acceptFileTransferAction } from "@/lib/transfers/actions";

type Option = { value: string; label: string };

/**
 * Taking the file over after the duplicate check: a new person here, or linked to one of the
 * check's matches. A new one beside a same-name match needs the user's confirmation.
 */
export function AcceptTransferForm({
  transferId,
  version,
  matches,
  mustLink,
}: {
  transferId: string;
  version: number;
  matches: Option[];
  mustLink: boolean;
}) {
  const t = useTranslations("transferForm");
  const form = useForm(acceptFileTransferAction);
  const modes = [
    ...(mustLink ? [] : [{ value: "new", label: t("modeNew") }]),
    ...(matches.length > 0 ? [{ value: "link", label: t("modeLink") }] : []),
  ];
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        name="mode"
        type="radio"
        label={t("mode")}
        options={modes}
        stacked
        defaultValue={form.value("mode") || modes[0]?.value}
        error={form.error("mode")}
      />
      {matches.length > 0 ? (
        <>
          <SelectField
            name="linkPersonId"
            label={t("linkPerson")}
            options={matches}
            defaultValue={form.value("linkPersonId")}
            error={form.error("linkPersonId")}
          />
          {mustLink ? null : (
            <CheckboxField
              name="confirmDuplicate"
              label={t("confirmDuplicate")}
              defaultChecked={form.value("confirmDuplicate") === "on"}
              error={form.error("confirmDuplicate")}
            />
          )}
        </>
      ) : null}
      <div>
        <Button type="submit" disabled={form.pending || modes.length === 0}>
          {form.pending ? t("accepting") : t("accept")}
        </Button>
      </div>
    </Form>
  );
}
