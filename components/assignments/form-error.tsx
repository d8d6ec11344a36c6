"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import { useAssignmentErrorText } from "./use-error-text";

/** The message above a coordinator form after a failed save (field errors sit by their field). */
export function AssignmentFormError({ state }: { state: FormState }) {
  const te = useTranslations("errors");
  const errorText = useAssignmentErrorText();
  if (state.status !== "error" || !state.formError) return null;
  return (
    <p role="alert" className="font-medium text-red-900">
      {errorText(state.formError)}
      {state.eventId ? ` ${te("eventId", { eventId: state.eventId })}` : null}
    </p>
  );
}
