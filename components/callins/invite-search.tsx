import { getTranslations } from "next-intl/server";
import type { findInviteCandidates } from "@/lib/callins/queries";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/fields";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/people/status-badge";
import { InviteForm } from "./attendance-forms";

type Candidates = Awaited<ReturnType<typeof findInviteCandidates>>;

/**
 * Inviting one more person by name: a plain GET search (works without script), the matches as a
 * list (not a DataTable: each row holds a form) with a "Bjud in" button each.
 */
export async function InviteSearch({
  callInId,
  version,
  q,
  candidates,
}: {
  callInId: string;
  version: number;
  q: string;
  candidates: Candidates;
}) {
  const t = await getTranslations("callInAttendance");
  return (
    <Section id="invite" title={t("inviteTitle")} intro={t("inviteIntro")} className="print:hidden">
      <form
        role="search"
        aria-label={t("inviteTitle")}
        action={`/call-ins/${callInId}#invite`}
        className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
      >
        <div className="grow">
          <TextField name="q" type="search" label={t("search")} maxLength={100} defaultValue={q} autoComplete="off" />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
      </form>
      {candidates ? (
        <>
          <p className="mb-2 font-medium" role="status">
            {t("results", { count: candidates.total })}
          </p>
          <ul className="flex flex-col divide-y divide-slate-200">
            {candidates.items.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <span className="font-medium">{p.name}</span>
                  {p.maskedIdentityNumber ? <span className="ml-2 text-sm">{p.maskedIdentityNumber}</span> : null}
                  {p.status !== "ACTIVE" ? (
                    <span className="ml-2">
                      <StatusBadge status={p.status} />
                    </span>
                  ) : null}
                  {p.groups.length > 0 ? (
                    <span className="block text-sm text-slate-700">{p.groups.join(", ")}</span>
                  ) : null}
                </div>
                {p.invited ? (
                  <span className="text-sm font-medium">{t("alreadyInvited")}</span>
                ) : (
                  <InviteForm callInId={callInId} version={version} personId={p.id} name={p.name} />
                )}
              </li>
            ))}
          </ul>
          {candidates.total > candidates.items.length ? (
            <p className="mt-2 text-sm">{t("moreResults", { shown: candidates.items.length })}</p>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
