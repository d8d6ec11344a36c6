import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency, WarningFlagKind } from "@/lib/generated/prisma/enums";
import { openPerson } from "@/lib/caseload-gate";
import { authorize, can, warningFlagReasonVisible, warningFlagWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { fullName } from "@/lib/people/resolve";
import { todayDateOnly } from "@/lib/validation/activity-fields";

/*
 * Warning flags as each agency sees them (docs/confidentiality.md): the kind, the dates and the
 * setting agency for everyone at the site; the reason only for the setting agency, which alone
 * may end the flag. The reason is not even selected for the others.
 */

export type WarningFlagView = {
  id: string;
  kind: WarningFlagKind;
  agency: Agency;
  setOn: Date;
  endsOn: Date | null;
  /** The setting agency's own text: null for every other agency. */
  reason: string | null;
  version: number;
  canEnd: boolean;
};

const FLAG_SELECT = {
  id: true,
  personId: true,
  kind: true,
  agency: true,
  setOn: true,
  endsOn: true,
  version: true,
} satisfies Prisma.WarningFlagSelect;

/** A flag holds from the day it was set through its last day (none: until ended); ended, no longer. */
export function activeFlagWhere(now = new Date()): Prisma.WarningFlagWhereInput {
  return { endedAt: null, OR: [{ endsOn: null }, { endsOn: { gte: todayDateOnly(now) } }] };
}

/**
 * The flags in force on these people, as the actor may see them, most serious first in the order
 * of the kinds. The reason is read in a second query restricted to the actor's own agency.
 */
export async function warningFlagsOf(
  actor: Actor,
  personIds: readonly string[],
  { now = new Date(), tx, withReason = true }: { now?: Date; tx?: Tx; withReason?: boolean } = {},
): Promise<Map<string, WarningFlagView[]>> {
  const byPerson = new Map<string, WarningFlagView[]>();
  if (personIds.length === 0 || !can(actor, "warningFlag", "read")) return byPerson;
  const client = tx ?? (db as unknown as Tx);
  const where: Prisma.WarningFlagWhereInput = {
    AND: [warningFlagWhere(actor, "read"), { personId: { in: [...personIds] } }, activeFlagWhere(now)],
  };
  const rows = await client.warningFlag.findMany({
    where,
    select: FLAG_SELECT,
    orderBy: [{ kind: "asc" }, { setOn: "desc" }, { id: "asc" }],
    take: 500,
  });
  const reasons = new Map<string, string>();
  if (withReason && actor.agency) {
    const own = await client.warningFlag.findMany({
      where: { AND: [where, { agency: actor.agency }] },
      select: { id: true, reason: true },
      take: 500,
    });
    for (const r of own) reasons.set(r.id, r.reason);
  }
  const mayEnd = can(actor, "warningFlag", "update");
  for (const { personId, ...row } of rows) {
    const own = warningFlagReasonVisible(actor, row.agency);
    const view: WarningFlagView = {
      ...row,
      reason: own ? (reasons.get(row.id) ?? null) : null,
      canEnd: mayEnd && own,
    };
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), view]);
  }
  return byPerson;
}

/** One person's flags in force (see warningFlagsOf): for the file and every visit page about them. */
export async function personWarningFlags(
  actor: Actor,
  personId: string,
  opts: { now?: Date; tx?: Tx } = {},
): Promise<WarningFlagView[]> {
  return (await warningFlagsOf(actor, [personId], opts)).get(personId) ?? [];
}

/** What the "set a warning flag" form needs: whom it is about. Behind the caseload gate; audited. */
export async function getWarningFlagFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  authorize(actor, "warningFlag", "create");
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: { firstName: true, lastName: true },
  });
  const flags = await personWarningFlags(actor, person.id);
  await audit({
    action: "READ",
    entityType: "Person",
    entityId: person.id,
    metadata: { purpose: "newWarningFlag", shownWarningFlagIds: flags.map((f) => f.id) },
  });
  return { person: { id: person.id, name: fullName(person) }, flags };
}
