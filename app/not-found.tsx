import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-3 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6">{t("body")}</p>
      <Link href="/">{t("home")}</Link>
    </main>
  );
}
