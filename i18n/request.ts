import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import en from "@/messages/en";
import sv from "@/messages/sv";

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";
export const LOCALE_COOKIE = "NEXT_LOCALE";

const CATALOGS = { sv, en };

// Swedish first; English for those who ask. No locale in the URL: the choice is a cookie.
export default getRequestConfig(async () => {
  const requested = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: Locale = (LOCALES as readonly string[]).includes(requested ?? "")
    ? (requested as Locale)
    : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "Europe/Stockholm",
    messages: CATALOGS[locale],
  };
});
