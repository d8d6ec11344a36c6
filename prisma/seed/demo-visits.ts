import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPlannedVisit, createRoundPerson, createWarningFlag } from "../factories";

/*
 * The demo's rounds, planned visits and warning flags (issue 15), all synthetic: the people each
 * round set out to visit, one planned visit logged as its notification, one whose window passed
 * without a visit, and warning flags of each agency (the reason seen by that agency only).
 */

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemoVisits(
  db: PrismaClient,
  {
    siteId,
    rounds,
    person,
    users,
    delivered,
  }: {
    siteId: string;
    rounds: { may: { id: string }; latest: { id: string } };
    /** The demo person with index `i`. */
    person: (i: number) => string;
    users: { police: { id: string }; social: { id: string }; probation: { id: string } };
    /** The first delivered notification per person index. */
    delivered: ReadonlyMap<number, string>;
  },
): Promise<void> {
  // The rounds' people: the press release's 24 of the autumn (0–23) and 23 of May (24–46).
  for (let i = 0; i <= 46; i++) {
    await createRoundPerson(db, {
      siteId,
      roundId: i <= 23 ? rounds.latest.id : rounds.may.id,
      personId: person(i),
      createdById: users.police.id,
    });
  }
  // Person 5 was not found at the first attempt; the second visit was planned and logged.
  const logged = delivered.get(5);
  await createPlannedVisit(db, {
    siteId,
    personId: person(5),
    roundId: rounds.latest.id,
    windowStartsOn: day("2020-09-15"),
    windowEndsOn: day("2020-09-22"),
    placeType: "HOME",
    createdById: users.police.id,
    createdByAgency: "POLICE",
    teamIds: [users.police.id, users.social.id],
    ...(logged ? { notificationId: logged, doneAt: new Date("2020-09-20T12:00:00Z") } : {}),
  });
  // A visit planned for the last days of the autumn round that never happened: "Inte genomförd".
  await createPlannedVisit(db, {
    siteId,
    personId: person(24),
    roundId: rounds.latest.id,
    windowStartsOn: day("2020-09-21"),
    windowEndsOn: day("2020-09-25"),
    placeType: "PROBATION_OFFICE",
    placeDescription: "Frivården Malmö (demo)",
    createdById: users.probation.id,
    createdByAgency: "PROBATION",
    teamIds: [users.probation.id, users.police.id],
  });
  // Warnings of each agency.
  await createWarningFlag(db, {
    siteId,
    personId: person(23),
    agency: "POLICE",
    kind: "THREAT_TO_STAFF",
    reason: "Hotade en polis vid ett gripande (demo).",
    setOn: day("2020-09-30"),
    createdById: users.police.id,
  });
  await createWarningFlag(db, {
    siteId,
    personId: person(7),
    agency: "SOCIAL",
    kind: "DOG",
    reason: "Stor hund i bostaden enligt hembesök (demo).",
    setOn: day("2020-08-20"),
    createdById: users.social.id,
  });
  await createWarningFlag(db, {
    siteId,
    personId: person(3),
    agency: "PROBATION",
    kind: "VISIT_IN_PAIRS",
    reason: "Besök alltid två och två (demo).",
    setOn: day("2020-06-01"),
    createdById: users.probation.id,
  });
}
