import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { PersonTransferState } from "@/lib/transfers/queries";
import { formatDate } from "@/lib/validation/dates";

/**
 * On the person's file: the closed record ("Akten flyttad till <ort> <datum>", the destination only
 * where the rule shows it), where the file came from, a transfer waiting for an answer, and for
 * social services the way to move the file.
 */
export async function PersonTransferNotice({ state, canMove }: { state: PersonTransferState; canMove: boolean }) {
  const t = await getTranslations("transfers");
  return (
    <div className="mb-4 flex flex-col gap-2">
      {state.closed ? (
        <Alert tone="warning">
          {state.closed.destination
            ? t("closedNotice", { site: state.closed.destination, date: formatDate(state.closed.at) })
            : t("closedNoticeHidden", { date: formatDate(state.closed.at) })}
        </Alert>
      ) : null}
      {state.receivedFrom?.at ? (
        <Alert tone="info">
          {t("receivedNotice", { site: state.receivedFrom.fromSite, date: formatDate(state.receivedFrom.at) })}
        </Alert>
      ) : null}
      {state.open ? (
        <Alert tone="info">
          {state.open.toSite
            ? t("openNotice", { site: state.open.toSite, date: formatDate(state.open.sentAt) })
            : t("openNoticeHidden", { date: formatDate(state.open.sentAt) })}
        </Alert>
      ) : null}
      {canMove ? (
        <div className="print:hidden">
          <Link href={`/people/${state.personId}/transfer`} className={buttonClass("secondary")}>
            {t("link")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
