import { createTranslator } from "next-intl";
import type { Labels } from "@/lib/labels";
import en from "@/messages/en";
import sv from "@/messages/sv";

/** The whole catalogue as a server route gets it from getTranslations(), for exports in tests. */
export const svLabels = createTranslator({ locale: "sv", messages: sv }) as unknown as Labels;
export const enLabels = createTranslator({ locale: "en", messages: en }) as unknown as Labels;
