"use client";
import { Form, useErrorText, useForm } from "@/components/ui/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createGroupAction, updateGroupAction } from "@/lib/groups/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";

export type GroupFormProps = {
  cancelHref: string;
  edit?: { groupId: string; version: number; defaults: { name: string; district: string; description: string } };
};

export function GroupForm({ cancelHref, edit }: GroupFormProps) {
  const t = useTranslations("groupForm");
  const errorText = useErrorText();
  const form = useForm(edit ? updateGroupAction : createGroupAction);
  const { state, pending } = form;
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const v = (name: string, fallback?: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : values ? "" : fallback;
  };
  const saved = edit?.defaults;
  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {edit ? (
        <>
          <input type="hidden" name="groupId" value={edit.groupId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <TextField
        name="name"
        label={t("name")}
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={v("name", saved?.name)}
        error={errorText(fieldErrors.name)}
      />
      <TextField
        name="district"
        label={t("district")}
        maxLength={100}
        defaultValue={v("district", saved?.district)}
        error={errorText(fieldErrors.district)}
      />
      <TextField
        name="description"
        label={t("description")}
        multiline
        maxLength={2000}
        defaultValue={v("description", saved?.description)}
        error={errorText(fieldErrors.description)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : edit ? t("save") : t("create")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
