"use client";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/ui/fields";

/**
 * Error keys of the confidentiality forms live in their own catalogue ("confidErrors"), so that
 * parallel work on the shared "errors" catalogue does not collide; anything else falls back to it.
 */
export function useConfidErrorText() {
  const t = useTranslations("confidErrors");
  const fallback = useErrorText();
  return (key: string | undefined) => (key && t.has(key) ? t(key) : fallback(key));
}
