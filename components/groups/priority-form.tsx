"use client";
import { Form, useForm } from "@/components/ui/form";
import { useTranslations } from "next-intl";
import { setGroupPriorityAction } from "@/lib/groups/actions";
import { Button } from "@/components/ui/button";

/** One button: mark the group as the current enforcement focus, or end that. */
export function PriorityForm({
  groupId,
  version,
  isPrioritized,
}: {
  groupId: string;
  version: number;
  isPrioritized: boolean;
}) {
  const t = useTranslations("group");
  const form = useForm(setGroupPriorityAction);
  const { pending } = form;
  return (
    <Form form={form} className="flex flex-col gap-2">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="prioritized" value={isPrioritized ? "false" : "true"} />
      <Button type="submit" variant={isPrioritized ? "secondary" : "primary"} disabled={pending}>
        {isPrioritized ? t("unprioritize") : t("prioritize")}
      </Button>
    </Form>
  );
}
