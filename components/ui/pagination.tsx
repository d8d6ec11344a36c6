import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/** Server-rendered pager: plain links, so it works without JavaScript and by keyboard. */
export async function Pagination({ page, pageCount, total, hrefFor }: { page: number; pageCount: number; total: number; hrefFor: (page: number) => string }) {
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700">{t("status", { page, pageCount, total })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className={buttonClass("secondary")} href={hrefFor(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
