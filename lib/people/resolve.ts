import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { personWhere, type Actor } from "@/lib/authz";
import type { Tx } from "@/lib/db";
import { RuleError } from "@/lib/errors";

/**
 * People named by personnummer in an activity form (call-in invitees, incident victims and
 * suspects): each must be a person the actor may see. One unknown number refuses the whole form
 * with an error on `field`, so nothing is saved half.
 */
export async function resolvePeopleByIdentityNumber(
  tx: Tx,
  actor: Actor,
  numbers: readonly string[],
  field: string,
): Promise<string[]> {
  if (numbers.length === 0) return [];
  const found = await tx.person.findMany({
    where: { AND: [personWhere(actor, "read"), { identityNumber: { in: [...numbers] } }] },
    select: { id: true, identityNumber: true },
  });
  if (found.length !== numbers.length) throw new RuleError("unknownIdentityNumber", field);
  const byNumber = new Map(found.map((p) => [p.identityNumber, p.id]));
  return numbers.map((n) => byNumber.get(n)!);
}

/** Checks that every id is a person the actor may see; otherwise a RuleError on `field`. */
export async function assertPeopleVisible(
  tx: Tx,
  actor: Actor,
  personIds: readonly string[],
  field: string,
): Promise<void> {
  if (personIds.length === 0) return;
  const count = await tx.person.count({ where: { AND: [personWhere(actor, "read"), { id: { in: [...personIds] } }] } });
  if (count !== new Set(personIds).size) throw new RuleError("unknownPerson", field);
}

/**
 * A person's name typed into a list's search box: every word must begin a first or last name
 * (the people list's rule, so the two searches agree).
 */
export function personNameWhere(q: string): Prisma.PersonWhereInput {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 4);
  if (terms.length === 0) return {};
  return {
    AND: terms.map((term) => ({
      OR: [
        { firstName: { startsWith: term, mode: "insensitive" } },
        { lastName: { startsWith: term, mode: "insensitive" } },
      ],
    })),
  };
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}
