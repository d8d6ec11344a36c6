import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { retentionCutoff } from "./rules";
import { anonymiseInTx } from "./mutations";
import { getRetentionMonths } from "./queries";

// The scheduled retention run (`npm run retention`); what it removes and why: queries.ts, decision 005.

export type RetentionRun = {
  months: number;
  cutoff: Date;
  due: { siteId: string; personId: string }[];
  anonymised: number;
};

/**
 * The scheduled run: every site's due people; with `apply`, each anonymised in a transaction of
 * its own (one failure does not undo the others) with an ANONYMISE event of the site and no actor.
 */
export async function runRetention({
  apply,
  months: override,
  now = new Date(),
}: {
  apply: boolean;
  months?: number;
  now?: Date;
}): Promise<RetentionRun> {
  const months = override ?? (await getRetentionMonths());
  const cutoff = retentionCutoff(now, months);
  const due = await db.person.findMany({
    where: { anonymisedAt: null, lastActivityAt: { lt: cutoff } },
    orderBy: [{ siteId: "asc" }, { lastActivityAt: "asc" }],
    select: { id: true, siteId: true },
  });
  let anonymised = 0;
  if (apply) {
    for (const person of due) {
      const done = await db.$transaction(async (tx) => {
        const cleared = await anonymiseInTx(tx, { personId: person.id, cutoff, now });
        if (!cleared) return false;
        await recordAudit(tx, null, {
          action: "ANONYMISE",
          entityType: "Person",
          entityId: person.id,
          personId: person.id,
          siteId: person.siteId,
          metadata: { trigger: "scheduled", months, cleared },
        });
        return true;
      });
      if (done) anonymised++;
    }
  }
  return { months, cutoff, due: due.map((p) => ({ siteId: p.siteId, personId: p.id })), anonymised };
}
