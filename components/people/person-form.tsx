"use client";
import { Form, useForm } from "@/components/ui/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createPersonAction, updatePersonAction } from "@/lib/people/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/fields";

type Option = { value: string; label: string };

export type PersonFormProps = {
  statuses: Option[];
  /** the actor's agency, named: "I coordinate this person (Polisen)" */
  agencyLabel: string | null;
  cancelHref: string;
  /** Editing: the saved values and the version the user sees. The full personnummer is never here. */
  edit?: {
    personId: string;
    version: number;
    maskedIdentityNumber: string | null;
    defaults: { firstName: string; lastName: string; birthDate: string; aliases: string; status: string };
  };
};

/** Registering a person, or editing one; duplicates are shown with links to the registered person. */
export function PersonForm(props: PersonFormProps) {
  const t = useTranslations("personForm");
  const edit = props.edit;
  const form = useForm(edit ? updatePersonAction : createPersonAction);
  const { state, pending } = form;

  const saved = edit?.defaults;

  return (
    <Form form={form} noValidate className="flex flex-col gap-5">
      {state.duplicateOf ? (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <p>{t("duplicateOf")}</p>
          <Link href={`/people/${state.duplicateOf.id}`} className="inline-flex min-h-11 items-center font-medium">
            {state.duplicateOf.name}
          </Link>
        </div>
      ) : null}
      {state.possibleDuplicates && state.possibleDuplicates.length > 0 ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p>{t("possibleDuplicates")}</p>
          <ul>
            {state.possibleDuplicates.map((p) => (
              <li key={p.id}>
                <Link href={`/people/${p.id}`} className="inline-flex min-h-11 items-center font-medium">
                  {p.name}
                </Link>
              </li>
            ))}
          </ul>
          <CheckboxField name="confirmDuplicate" label={t("confirmDuplicate")} />
        </div>
      ) : null}
      {edit ? (
        <>
          <input type="hidden" name="personId" value={edit.personId} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="firstName"
          label={t("firstName")}
          required
          maxLength={100}
          autoComplete="off"
          defaultValue={form.value("firstName", saved?.firstName)}
          error={form.error("firstName")}
        />
        <TextField
          name="lastName"
          label={t("lastName")}
          required
          maxLength={100}
          autoComplete="off"
          defaultValue={form.value("lastName", saved?.lastName)}
          error={form.error("lastName")}
        />
      </div>
      <TextField
        name="identityNumber"
        label={t("identityNumber")}
        hint={
          edit?.maskedIdentityNumber
            ? t("identityNumberKeep", { masked: edit.maskedIdentityNumber })
            : t("identityNumberHint")
        }
        maxLength={20}
        autoComplete="off"
        defaultValue={form.value("identityNumber")}
        error={form.error("identityNumber")}
      />
      <TextField
        name="birthDate"
        type="date"
        label={t("birthDate")}
        hint={t("birthDateHint")}
        defaultValue={form.value("birthDate", saved?.birthDate)}
        error={form.error("birthDate")}
      />
      <TextField
        name="aliases"
        label={t("aliases")}
        hint={t("aliasesHint")}
        maxLength={600}
        defaultValue={form.value("aliases", saved?.aliases)}
        error={form.error("aliases")}
      />
      <SelectField
        name="status"
        label={t("status")}
        options={props.statuses}
        defaultValue={form.value("status", saved?.status ?? "ACTIVE")}
        error={form.error("status")}
      />
      {!edit && props.agencyLabel ? (
        <CheckboxField
          name="assignToMe"
          label={t("assignToMe", { agency: props.agencyLabel })}
          defaultChecked={form.checked("assignToMe", true)}
        />
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : edit ? t("save") : t("create")}
        </Button>
        <Link href={props.cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </Form>
  );
}
