import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** "Sidan finns inte": the same words for a page that does not exist and one the user may not see. */
export async function NotFoundContent() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6">{t("body")}</p>
      <Link href="/">{t("home")}</Link>
    </div>
  );
}
