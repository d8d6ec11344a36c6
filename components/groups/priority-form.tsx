"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setGroupPriorityAction } from "@/lib/groups/actions";
import { IDLE, type FormState } from "@/lib/form-state";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, useErrorText } from "@/components/ui/fields";

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
  const errorText = useErrorText();
  const [state, action, pending] = useActionState<FormState, FormData>(setGroupPriorityAction, IDLE);
  return (
    <form action={action} className="flex flex-col gap-2">
      {state.status === "error" && state.formError ? (
        <FormErrorSummary>
          <p>{errorText(state.formError)}</p>
        </FormErrorSummary>
      ) : null}
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="prioritized" value={isPrioritized ? "false" : "true"} />
      <Button type="submit" variant={isPrioritized ? "secondary" : "primary"} disabled={pending}>
        {isPrioritized ? t("unprioritize") : t("prioritize")}
      </Button>
    </form>
  );
}
