import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { Client } from "./client";

/* Rounds' people, planned visits with their teams, warning flags (issue 15). */

/** A person in a round (the round's people to visit). */
export async function createRoundPerson(
  db: Client,
  data: Prisma.RoundPersonUncheckedCreateInput & { siteId: string; createdById: string },
) {
  return db.roundPerson.create({ data });
}

/**
 * A planned custom notification at the person's home, in the week of 7 December 2026 unless the
 * window is given, with `teamIds` as its team.
 */
export async function createPlannedVisit(
  db: Client,
  {
    teamIds = [],
    ...data
  }: Partial<Prisma.PlannedVisitUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    createdById: string;
    createdByAgency: Agency;
    teamIds?: string[];
  },
) {
  return db.plannedVisit.create({
    data: {
      windowStartsOn: new Date(Date.UTC(2026, 11, 7)),
      windowEndsOn: new Date(Date.UTC(2026, 11, 11)),
      placeType: "HOME",
      ...data,
      team: { create: teamIds.map((userId) => ({ userId })) },
    },
  });
}

/** A warning flag in force, "visit in pairs", set by `agency` on 1 December 2026 unless given. */
export async function createWarningFlag(
  db: Client,
  data: Partial<Prisma.WarningFlagUncheckedCreateInput> & {
    siteId: string;
    personId: string;
    agency: Agency;
    createdById: string;
  },
) {
  return db.warningFlag.create({
    data: {
      kind: "VISIT_IN_PAIRS",
      reason: "Skäl: fritext",
      setOn: new Date(Date.UTC(2026, 11, 1)),
      ...data,
    },
  });
}
