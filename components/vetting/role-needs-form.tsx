"use client";
import { useTranslations } from "next-intl";
import { saveRoleNeedsAction } from "@/lib/role-needs/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { Form, useForm } from "@/components/ui/form";

/** A new version of one role's needs-and-risk note, from the current text. */
export function RoleNeedsForm({
  role,
  roleName,
  text,
  replaces,
}: {
  role: string;
  roleName: string;
  text: string;
  replaces: number;
}) {
  const t = useTranslations("roleNeedsForm");
  const form = useForm(saveRoleNeedsAction);
  return (
    <Form form={form} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="role" value={role} />
      <input type="hidden" name="replaces" value={replaces} />
      {/* One form per role on the page: the field's name repeats, so its id carries the role. */}
      <TextField
        name="text"
        id={`needs-${role}`}
        label={t("text", { role: roleName })}
        hint={t("hint")}
        multiline
        rows={8}
        maxLength={20_000}
        defaultValue={form.value("text", text)}
        error={form.error("text")}
      />
      <div>
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {t("save", { role: roleName })}
        </Button>
      </div>
    </Form>
  );
}
