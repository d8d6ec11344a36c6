"use client";
import { useTranslations } from "next-intl";
import { useConfidErrorText } from "@/components/audit/use-error-text";

/** Error keys of the register extract's forms ("extractRequestErrors"), then the shared catalogues. */
export function useExtractErrorText() {
  const t = useTranslations("extractRequestErrors");
  const fallback = useConfidErrorText();
  return (key: string | undefined) => (key && t.has(key) ? t(key) : fallback(key));
}
