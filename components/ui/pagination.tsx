import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "./button";

/** Server-rendered pager: plain links, so it works without JavaScript and by keyboard. */
export async function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  totalIsLowerBound = false,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  /** The count stopped early (a broad search): there are more than `total`, so no last page is named. */
  totalIsLowerBound?: boolean;
}) {
  const t = await getTranslations("pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700">
        {totalIsLowerBound ? t("statusAtLeast", { page, total }) : t("status", { page, pageCount, total })}
      </p>
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
