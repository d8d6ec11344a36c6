import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DueAccount } from "@/lib/access-review/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

/** Accounts due for review: unused ones first; the name leads to the account's review. */
export async function DueAccountsTable({ accounts }: { accounts: DueAccount[] }) {
  const [t, tr] = await Promise.all([getTranslations("accessReview"), getTranslations("roles")]);
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={accounts}
      rowKey={(a) => a.id}
      columns={[
        {
          header: t("name"),
          primary: true,
          cell: (a) => (
            <Link href={`/access-review/${a.id}`} aria-label={t("reviewAccount", { name: a.name })}>
              {a.name}
            </Link>
          ),
        },
        { header: t("role"), cell: (a) => tr(a.role) },
        {
          header: t("status"),
          cell: (a) => (
            <span className={a.status === "suspended" ? "font-semibold text-red-800" : undefined}>
              {t(`statuses.${a.status}`)}
              {a.isSelf ? ` · ${t("ownAccount")}` : ""}
            </span>
          ),
        },
        {
          header: t("dueAt"),
          cell: (a) =>
            a.status === "suspended"
              ? t("suspendedSince", { date: formatDate(a.suspendsAt) })
              : t("dueOn", { date: formatDate(a.dueAt), suspends: formatDate(a.suspendsAt) }),
        },
        {
          header: t("lastSignIn"),
          cell: (a) => (
            <>
              {a.lastSignInAt ? formatDateTime(a.lastSignInAt) : t("never")}
              {a.isUnused ? <span className="block text-sm font-medium text-amber-900">{t("unused")}</span> : null}
            </>
          ),
        },
        {
          header: t("activity"),
          cell: (a) =>
            a.events > 0 && a.lastEventAt
              ? t("events", { count: a.events, date: formatDateTime(a.lastEventAt) })
              : t("noEvents"),
        },
      ]}
    />
  );
}
