import type { Prisma } from "@/lib/generated/prisma/client";
import { stockholmToday } from "@/lib/validation/dates";
import { parsePeopleSearch } from "./search";
import type { TFindPeople } from "./schemas";

/** Today's date as stored in @db.Date columns (00:00 UTC). */
export function todayDate(now = new Date()): Date {
  return new Date(`${stockholmToday(now)}T00:00:00Z`);
}

/** A membership that has not ended: open, or ending today or later. */
export function currentMembership(now = new Date()): Prisma.MembershipWhereInput {
  return { OR: [{ validTo: null }, { validTo: { gte: todayDate(now) } }] };
}

/**
 * "Notified": the programme's message has reached the person – a custom notification that
 * delivered it, or a call-in they attended. Attempts and refusals do not count.
 */
export const NOTIFIED: Prisma.PersonWhereInput = {
  OR: [{ notifications: { some: { outcome: "DELIVERED" } } }, { callInInvites: { some: { status: "ATTENDED" } } }],
};

const NOTHING: Prisma.PersonWhereInput = { id: { in: [] } };

/** The search box as index-friendly conditions (see search.ts). */
export function searchWhere(q: string): Prisma.PersonWhereInput {
  const search = parsePeopleSearch(q);
  if (search.impossible) return NOTHING;
  const and: Prisma.PersonWhereInput[] = [];
  // searchText is " first last aliases", lower-cased: " word" is a word prefix. Trigram index.
  for (const word of search.words) and.push({ searchText: { contains: ` ${word}` } });
  for (const number of search.numbers) {
    and.push({
      OR: [
        // Every stored number is exactly 12 digits: a prefix is a range on the unique index.
        ...number.prefixes.map((p) =>
          p.length === 12
            ? { identityNumber: p }
            : { identityNumber: { gte: p.padEnd(12, "0"), lte: p.padEnd(12, "9") } },
        ),
        ...number.birthDates.map((d) => ({ birthDate: new Date(`${d}T00:00:00Z`) })),
      ],
    });
  }
  return and.length > 0 ? { AND: and } : {};
}

/** The people list's filters; each is answered from an index (see prisma/schema.prisma). */
export function filterWhere(
  siteId: string,
  query: Omit<TFindPeople, "q" | "page">,
  now = new Date(),
): Prisma.PersonWhereInput {
  const and: Prisma.PersonWhereInput[] = [];
  if (query.status) and.push({ status: query.status });
  if (query.group) and.push({ memberships: { some: { siteId, groupId: query.group, ...currentMembership(now) } } });
  if (query.coordinator) and.push({ assignments: { some: { siteId, userId: query.coordinator, endedAt: null } } });
  if (query.notified === "yes") and.push(NOTIFIED);
  if (query.notified === "no") and.push({ NOT: NOTIFIED });
  return and.length > 0 ? { AND: and } : {};
}
