import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { openPerson } from "@/lib/caseload-gate";
import { recordAudit } from "@/lib/audit";
import { authorize, personWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { namesAlike } from "./name-key";
import type { TCreatePerson, TUpdatePerson } from "./schemas";

export type ExistingPerson = { id: string; name: string };

/**
 * The personnummer belongs to someone already registered at the site (unique per site). `existing`
 * names that person only when the actor may see them; otherwise it is null and the form says only
 * that the number is taken.
 */
export class DuplicateIdentityNumberError extends RuleError {
  constructor(readonly existing: ExistingPerson | null) {
    super("duplicateIdentityNumber", "identityNumber");
    this.name = "DuplicateIdentityNumberError";
  }
}

/** Someone with the same name and birth date exists: the user confirms before a second file is made. */
export class PossibleDuplicateError extends RuleError {
  constructor(readonly matches: ExistingPerson[]) {
    super("possibleDuplicate");
    this.name = "PossibleDuplicateError";
  }
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Who already holds the number at the site: `{ existing }` names them when the actor may see them
 * (personWhere), `{ existing: null }` when a record the actor may not see holds it, null when the
 * number is free. A hidden holder must still block the save (the number is unique per site and a
 * second record would split the person's history), but its id and name never leave this function:
 * the user learns only what they typed is taken, which the unique constraint would tell them anyway.
 */
async function existingWithNumber(
  tx: Tx,
  actor: Actor,
  identityNumber: string,
  exceptId?: string,
): Promise<{ existing: ExistingPerson | null } | null> {
  const other = exceptId ? { id: { not: exceptId } } : {};
  const visible = await tx.person.findFirst({
    where: { AND: [personWhere(actor, "read"), { identityNumber }, other] },
    select: { id: true, firstName: true, lastName: true },
  });
  if (visible) return { existing: { id: visible.id, name: `${visible.firstName} ${visible.lastName}` } };
  // Only whether one exists: no field of a person the actor may not see is selected.
  const hidden = await tx.person.count({ where: { siteId: actor.siteId, identityNumber, ...other } });
  return hidden > 0 ? { existing: null } : null;
}

/**
 * People with the same birth date and a name that may be the same (lib/people/name-key: Mohammed
 * and Muhammad, Karlsson and Carlsson, first and last name swapped). One site's people born on one
 * day are few, and (siteId, birthDate) is indexed, so they are read and compared here; 200 is far
 * beyond any real day's count at a site and keeps a pathological one bounded.
 */
async function sameNameAndBirthDate(
  tx: Tx,
  actor: Actor,
  p: { firstName: string; lastName: string; birthDate: Date },
  exceptId?: string,
) {
  const rows = await tx.person.findMany({
    where: {
      AND: [personWhere(actor, "read"), { birthDate: p.birthDate }, exceptId ? { id: { not: exceptId } } : {}],
    },
    select: { id: true, firstName: true, lastName: true },
    orderBy: { id: "asc" },
    take: 200,
  });
  return rows
    .filter((r) => namesAlike(r, p))
    .slice(0, 5)
    .map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
}

/**
 * The duplicate check of "Ny person" as one function, for a person registered another way (a file
 * taken over from another site, lib/transfers): who at the actor's site already holds the number
 * (as existingWithNumber says it) and who has the same name and birth date.
 */
export async function findDuplicates(
  tx: Tx,
  actor: Actor,
  p: { identityNumber: string | null; firstName: string; lastName: string; birthDate: Date | null },
): Promise<{ byNumber: { existing: ExistingPerson | null } | null; sameNameAndBirthDate: ExistingPerson[] }> {
  const byNumber = p.identityNumber ? await existingWithNumber(tx, actor, p.identityNumber) : null;
  const sameName = p.birthDate
    ? await sameNameAndBirthDate(tx, actor, { firstName: p.firstName, lastName: p.lastName, birthDate: p.birthDate })
    : [];
  return { byNumber, sameNameAndBirthDate: sameName };
}

/** A race with another save of the same number ends at the unique constraint: the same answer. */
async function onUniqueViolation<T>(
  actor: Actor,
  identityNumber: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (identityNumber && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const taken = await existingWithNumber(db as unknown as Tx, actor, identityNumber);
      if (taken) throw new DuplicateIdentityNumberError(taken.existing);
    }
    throw error;
  }
}

/**
 * Registers a person. The personnummer is stored normalised (12 digits) and must be new at the
 * site; someone with the same name and birth date needs the user's confirmation. Optionally makes
 * the creator the person's coordinator for their agency. Audited in the same transaction.
 */
export async function createPerson({ actor, input }: { actor: Actor; input: TCreatePerson }): Promise<{ id: string }> {
  authorize(actor, "person", "create");
  const number = input.identityNumber;
  const birthDate = number ? asDate(number.birthDate) : (input.birthDate ?? null);
  return onUniqueViolation(actor, number?.normalized, () =>
    db.$transaction(async (tx) => {
      if (number) {
        const taken = await existingWithNumber(tx, actor, number.normalized);
        if (taken) throw new DuplicateIdentityNumberError(taken.existing);
      }
      if (birthDate && !input.confirmDuplicate) {
        const matches = await sameNameAndBirthDate(tx, actor, {
          firstName: input.firstName,
          lastName: input.lastName,
          birthDate,
        });
        if (matches.length > 0) throw new PossibleDuplicateError(matches);
      }
      const person = await tx.person.create({
        data: {
          siteId: actor.siteId,
          firstName: input.firstName,
          lastName: input.lastName,
          identityNumber: number?.normalized ?? null,
          identityNumberKind: number?.kind ?? null,
          birthDate,
          aliases: input.aliases,
          status: input.status,
          createdById: actor.id,
        },
        select: { id: true },
      });
      const assign = input.assignToMe && actor.agency;
      if (assign) {
        await tx.assignment.create({
          data: {
            siteId: actor.siteId,
            personId: person.id,
            userId: actor.id,
            agency: actor.agency!,
            createdById: actor.id,
          },
        });
      }
      await recordAudit(tx, actor, {
        action: "CREATE",
        entityType: "Person",
        entityId: person.id,
        personId: person.id,
        metadata: {
          status: input.status,
          hasIdentityNumber: Boolean(number),
          aliases: input.aliases.length,
          assignedToActor: Boolean(assign),
          confirmedDuplicate: input.confirmDuplicate,
        },
      });
      return person;
    }),
  );
}

/**
 * Edits a person's profile with optimistic locking: saved only if nobody else saved since the
 * user opened the form. An empty personnummer field keeps the stored number (it is never sent to
 * the browser). A change of status restarts "status since". Audited with the changed field names.
 */
export async function updatePerson({ actor, input }: { actor: Actor; input: TUpdatePerson }): Promise<{ id: string }> {
  const where = personWhere(actor, "update");
  return onUniqueViolation(actor, input.identityNumber?.normalized, () =>
    db.$transaction(async (tx) => {
      const { person: current, audit } = await openPerson({
        actor,
        personId: input.personId,
        action: "update",
        tx,
        select: {
          firstName: true,
          lastName: true,
          identityNumber: true,
          birthDate: true,
          aliases: true,
          status: true,
          version: true,
        },
      });
      const number = input.identityNumber;
      if (number && number.normalized !== current.identityNumber) {
        const taken = await existingWithNumber(tx, actor, number.normalized, current.id);
        if (taken) throw new DuplicateIdentityNumberError(taken.existing);
      }
      // The number (new or kept) decides the birth date; a typed one must agree with it.
      const keptNumberBirth = !number && current.identityNumber ? current.birthDate : null;
      if (keptNumberBirth && input.birthDate && keptNumberBirth.getTime() !== input.birthDate.getTime())
        throw new RuleError("birthDateMismatch", "birthDate");
      const birthDate = number ? asDate(number.birthDate) : (keptNumberBirth ?? input.birthDate ?? null);

      const nameOrBirthChanged =
        current.firstName !== input.firstName ||
        current.lastName !== input.lastName ||
        current.birthDate?.getTime() !== birthDate?.getTime();
      if (birthDate && nameOrBirthChanged && !input.confirmDuplicate) {
        const matches = await sameNameAndBirthDate(
          tx,
          actor,
          { firstName: input.firstName, lastName: input.lastName, birthDate },
          current.id,
        );
        if (matches.length > 0) throw new PossibleDuplicateError(matches);
      }

      const data = {
        firstName: input.firstName,
        lastName: input.lastName,
        ...(number ? { identityNumber: number.normalized, identityNumberKind: number.kind } : {}),
        birthDate,
        aliases: input.aliases,
        status: input.status,
        ...(input.status !== current.status ? { statusSince: new Date() } : {}),
      };
      await updateVersioned(tx.person, { where, id: current.id, version: input.version, data });
      const changed = [
        current.firstName !== input.firstName && "firstName",
        current.lastName !== input.lastName && "lastName",
        number && number.normalized !== current.identityNumber && "identityNumber",
        current.birthDate?.getTime() !== birthDate?.getTime() && "birthDate",
        current.aliases.join("\n") !== input.aliases.join("\n") && "aliases",
        current.status !== input.status && "status",
      ].filter((f): f is string => Boolean(f));
      await audit({
        action: "UPDATE",
        entityType: "Person",
        entityId: current.id,
        metadata: {
          changed,
          version: input.version + 1,
          ...(current.status !== input.status ? { status: input.status } : {}),
        },
      });
      return { id: current.id };
    }),
  );
}
