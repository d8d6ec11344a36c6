/**
 * Factories: valid records with overrides, for tests and the demo seed. They write through the
 * Prisma client they are given (a test's client or the seed's), not through the app's domain
 * functions, so they never write audit events of their own.
 */
import { hash } from "@node-rs/argon2";
import { COVERAGE, holdingAgencies, type CoverageItem } from "@/lib/authz/consent-coverage";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Agency, Role } from "@/lib/generated/prisma/enums";
import { generateIdentityNumber, parseIdentityNumber } from "@/lib/validation/personnummer";

type Client = PrismaClient | Prisma.TransactionClient;

let counter = 0;
const next = () => ++counter;

// Cheaper argon2id than production for test speed; verification reads the parameters from the hash.
const TEST_HASH_OPTIONS = { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;
const hashCache = new Map<string, Promise<string>>();
export function hashForTests(password: string): Promise<string> {
  let h = hashCache.get(password);
  if (!h) {
    h = hash(password, TEST_HASH_OPTIONS);
    hashCache.set(password, h);
  }
  return h;
}

export const TEST_PASSWORD = "test-Lösenord-1234";

export async function createSite(db: Client, data: Partial<Prisma.SiteUncheckedCreateInput> = {}) {
  const n = next();
  return db.site.create({ data: { code: `site-${n}`, name: `Testort ${n}`, ...data } });
}

export async function createUser(
  db: Client,
  data: Partial<Prisma.UserUncheckedCreateInput> & { siteId: string; role: Role; password?: string },
) {
  const n = next();
  const { password, ...rest } = data;
  return db.user.create({
    data: {
      email: `user${n}@test.invalid`,
      name: `Testanvändare ${n}`,
      passwordHash: await hashForTests(password ?? TEST_PASSWORD),
      ...rest,
    },
  });
}

/** A valid generated personnummer for someone born on `birthDate` (serial from a counter). */
export function testIdentityNumber(birthDate = new Date(Date.UTC(1998, 4, 17)), serial = next()): string {
  return generateIdentityNumber(birthDate, serial);
}

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

export async function createAssignment(
  db: Client,
  data: { siteId: string; personId: string; userId: string; agency: Agency; createdById?: string },
) {
  return db.assignment.create({ data: { createdById: data.createdById ?? data.userId, ...data } });
}

export async function createNotification(
  db: Client,
  data: Partial<Prisma.CustomNotificationUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    createdById: string;
    createdByAgency: Agency;
  },
) {
  return db.customNotification.create({
    data: {
      occurredAt: new Date(Date.UTC(2020, 8, 15, 10)),
      placeType: "HOME",
      agencies: [data.createdByAgency],
      outcome: "DELIVERED",
      response: "NEUTRAL",
      ...data,
    },
  });
}

export async function createInternalNote(
  db: Client,
  data: Partial<Prisma.InternalNoteUncheckedCreateInput> & { siteId: string; agency: Agency; createdById: string },
) {
  return db.internalNote.create({ data: { body: "Intern anteckning", ...data } });
}

/**
 * A consent (lib/consent, docs/decisions/008). `coverage` defaults to everything a consent can
 * cover. Each holding agency's confirmation: the recording agency's own is confirmed by the
 * recorder; another's is confirmed by the user given in `confirmedBy`, else it is still asked of it.
 */
export async function createConsent(
  db: Client,
  data: {
    siteId: string;
    personId: string;
    createdById: string;
    recordedByAgency: Agency;
    coverage?: readonly CoverageItem[];
    confirmedBy?: Partial<Record<Agency, string>>;
    declinedBy?: Partial<Record<Agency, string>>;
    documentReference?: string;
    givenOn?: Date;
    withdrawnAt?: Date | null;
  },
) {
  const coverage = data.coverage ?? COVERAGE;
  const decidedAt = data.givenOn ?? new Date(Date.UTC(2026, 0, 1));
  const confirmation = (agency: Agency) => {
    const by = agency === data.recordedByAgency ? data.createdById : data.confirmedBy?.[agency];
    if (by) return { agency, status: "CONFIRMED" as const, decidedAt, decidedById: by };
    const declined = data.declinedBy?.[agency];
    if (declined) return { agency, status: "DECLINED" as const, decidedAt, decidedById: declined };
    return { agency, status: "REQUESTED" as const };
  };
  return db.consent.create({
    data: {
      siteId: data.siteId,
      personId: data.personId,
      createdById: data.createdById,
      recordedByAgency: data.recordedByAgency,
      documentReference: data.documentReference ?? `DOK-${next()}`,
      givenOn: data.givenOn ?? new Date(Date.UTC(2026, 0, 1)),
      withdrawnAt: data.withdrawnAt ?? null,
      coverage: { create: coverage.map((c) => ({ fromAgency: c.from, kind: c.kind, toAgency: c.to })) },
      confirmations: { create: holdingAgencies(coverage).map(confirmation) },
    },
  });
}
