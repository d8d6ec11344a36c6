"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/fields";

/** The coordinator forms' own error keys ("assignmentErrors"); anything else falls back to "errors". */
export function useAssignmentErrorText() {
  const t = useTranslations("assignmentErrors");
  const fallback = useErrorText();
  return (key: string | undefined) => (key && t.has(key) ? t(key) : fallback(key));
}
