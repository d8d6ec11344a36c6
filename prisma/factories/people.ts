import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import { generateIdentityNumber, parseIdentityNumber } from "@/lib/validation/personnummer";
import { next, type Client } from "./client";

/** A valid generated personnummer for someone born on `birthDate` (serial from a counter). */
export function testIdentityNumber(birthDate = new Date(Date.UTC(1998, 4, 17)), serial = next()): string {
  return generateIdentityNumber(birthDate, serial);
}

/**
 * A person with a generated personnummer (pass `identityNumber: null` for none); its kind and the
 * birth date are taken from the number, as the app's form does.
 */
export async function createPerson(
  db: Client,
  data: Partial<Prisma.PersonUncheckedCreateInput> & { siteId: string; createdById: string },
) {
  const n = next();
  const identityNumber =
    data.identityNumber === undefined
      ? testIdentityNumber(new Date(Date.UTC(1995, 0, 1 + (n % 300))), n)
      : data.identityNumber;
  const parsed = identityNumber ? parseIdentityNumber(identityNumber) : null;
  if (identityNumber && !parsed) throw new Error(`factory: invalid identity number ${identityNumber}`);
  return db.person.create({
    data: {
      firstName: `Förnamn${n}`,
      lastName: `Efternamn${n}`,
      identityNumber,
      identityNumberKind: parsed?.kind ?? null,
      birthDate: parsed ? new Date(`${parsed.birthDate}T00:00:00Z`) : null,
      ...data,
    },
  });
}

export async function createGroup(
  db: Client,
  data: Partial<Prisma.GroupUncheckedCreateInput> & { siteId: string; createdById: string },
) {
  const n = next();
  return db.group.create({ data: { name: `Gruppering ${n}`, ...data } });
}

/** A rivalry (unless `kind` says alliance) between two groups, from the police's intelligence. */
export async function createGroupRelation(
  db: Client,
  data: Partial<Prisma.GroupRelationUncheckedCreateInput> & {
    siteId: string;
    groupAId: string;
    groupBId: string;
    createdById: string;
  },
) {
  return db.groupRelation.create({
    data: { kind: "RIVALRY", validFrom: new Date(Date.UTC(2019, 0, 1)), sourceAgency: "POLICE", ...data },
  });
}

export async function createMembership(
  db: Client,
  data: Partial<Prisma.MembershipUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    groupId: string;
    createdById: string;
  },
) {
  return db.membership.create({
    data: {
      validFrom: new Date(Date.UTC(2019, 0, 1)),
      sourceAgency: "POLICE",
      confidence: "PROBABLE",
      role: "MEMBER",
      reviewDueOn: new Date(Date.UTC(2027, 0, 1)),
      ...data,
    },
  });
}

/** The person on the user's caseload for `agency`; made by the user themself unless `createdById`. */
export async function createAssignment(
  db: Client,
  data: Partial<Prisma.AssignmentUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    userId: string;
    agency: Agency;
  },
) {
  return db.assignment.create({ data: { createdById: data.createdById ?? data.userId, ...data } });
}
