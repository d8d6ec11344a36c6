import { getTranslations } from "next-intl/server";
import type { AccountForReview } from "@/lib/access-review/queries";
import { formatDate, formatDateTime } from "@/lib/validation/dates";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { ReviewAccountForm } from "./review-account-form";

/** One account's review: where it stands, what it did lately, earlier decisions, and the decision. */
export async function AccountReview({ account }: { account: AccountForReview }) {
  const [t, ta, td] = await Promise.all([
    getTranslations("accessReview"),
    getTranslations("agencies"),
    getTranslations("accessReviewDecisions"),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("status")}</dt>
        <dd>
          {account.isActive ? t(`statuses.${account.status}`) : t("inactive")}
          {account.isActive
            ? ` · ${
                account.status === "suspended"
                  ? t("suspendedSince", { date: formatDate(account.suspendsAt) })
                  : t("dueOn", { date: formatDate(account.dueAt), suspends: formatDate(account.suspendsAt) })
              }`
            : null}
        </dd>
        {account.agency ? (
          <>
            <dt className="font-medium">{t("agency")}</dt>
            <dd>{ta(account.agency)}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("createdAt")}</dt>
        <dd>{formatDate(account.createdAt)}</dd>
        <dt className="font-medium">{t("reviewedAt")}</dt>
        <dd>{account.accessReviewedAt ? formatDateTime(account.accessReviewedAt) : t("neverReviewed")}</dd>
        <dt className="font-medium">{t("lastSignIn")}</dt>
        <dd>
          {account.lastSignInAt ? formatDateTime(account.lastSignInAt) : t("never")}
          {account.isUnused ? ` · ${t("unused")}` : null}
        </dd>
        <dt className="font-medium">{t("activity")}</dt>
        <dd>
          {account.events > 0 && account.lastEventAt
            ? t("events", { count: account.events, date: formatDateTime(account.lastEventAt) })
            : t("noEvents")}
        </dd>
      </dl>
      <Section id="decide" title={t("decideTitle")}>
        {account.isSelf ? (
          <Alert tone="info">{t("selfReview")}</Alert>
        ) : !account.isActive ? (
          <Alert tone="info">{t("inactiveExplained")}</Alert>
        ) : (
          <ReviewAccountForm userId={account.id} version={account.version} />
        )}
      </Section>
      <Section id="history" title={t("historyTitle")} isEmpty={account.reviews.length === 0} empty={t("historyEmpty")}>
        <DataTable
          caption={t("historyCaption")}
          empty={t("historyEmpty")}
          rows={account.reviews}
          rowKey={(r) => r.id}
          columns={[
            { header: t("reviewedOn"), primary: true, cell: (r) => formatDateTime(r.createdAt) },
            { header: t("decision"), cell: (r) => td(r.decision) },
            { header: t("reviewer"), cell: (r) => r.reviewer },
            { header: t("note"), cell: (r) => <span className="whitespace-pre-line">{r.note}</span> },
          ]}
        />
      </Section>
    </div>
  );
}
