import "server-only";
import { db } from "@/lib/db";
import type { Agency } from "@/lib/generated/prisma/enums";
import { parseDateOnly } from "@/lib/validation/dates";
import type { Period } from "./periods";
import type { StatsScope } from "./sql";

/*
 * The joint work on the dashboard (issue 15): plan measures done in the period and overdue now,
 * per owner agency; coordination meetings held in the period; planned visits whose window ended
 * in the period, done or not. Counts only, each banded by the view like every count of people's
 * records (decision 009), except meetings held: a meeting is an event of the site, not a person.
 * A manager counts the site; an agency user their own caseload, and of the plan measures only
 * their own agency's (another agency's are shown across only under consent, never counted here).
 */

export type JointWorkFigures = {
  measures: { agency: Agency; done: number; overdue: number }[];
  meetingsHeld: number;
  visits: { planned: number; done: number; notDone: number };
};

const AGENCIES: Agency[] = ["POLICE", "SOCIAL", "PROBATION"];

export async function jointWorkFigures(
  scope: StatsScope,
  period: Period,
  today: string,
  agency: Agency | null,
): Promise<JointWorkFigures> {
  const people = scope.people === null ? {} : { personId: { in: scope.people } };
  const agencies = agency ? [agency] : AGENCIES;
  const todayDate = parseDateOnly(today)!;
  const from = parseDateOnly(period.from)!;
  const to = parseDateOnly(period.to)!;
  // A visit called off is neither done nor missed: not counted as planned either.
  const visitsInPeriod = { siteId: scope.siteId, ...people, cancelledAt: null, windowEndsOn: { gte: from, lte: to } };
  const [overdue, meetingsHeld, planned, visitsDone, visitsNotDone, doneByAgency] = await Promise.all([
    db.planMeasure.groupBy({
      by: ["agency"],
      where: {
        siteId: scope.siteId,
        ...people,
        agency: { in: agencies },
        status: { in: ["PLANNED", "IN_PROGRESS"] },
        dueOn: { lt: todayDate },
      },
      _count: { _all: true },
    }),
    db.coordinationMeeting.count({
      where: { siteId: scope.siteId, status: "HELD", startsAt: { gte: period.start, lt: period.end } },
    }),
    db.plannedVisit.count({ where: visitsInPeriod }),
    db.plannedVisit.count({ where: { ...visitsInPeriod, doneAt: { not: null } } }),
    // Not done: the window has passed (a window still open is neither done nor missed yet).
    db.plannedVisit.count({
      where: { ...visitsInPeriod, doneAt: null, windowEndsOn: { gte: from, lte: to, lt: todayDate } },
    }),
    // Done in the period, per owner agency: measures whose history says DONE within it.
    db.planMeasure.groupBy({
      by: ["agency"],
      where: {
        siteId: scope.siteId,
        ...people,
        agency: { in: agencies },
        status: "DONE",
        history: { some: { toStatus: "DONE", changedAt: { gte: period.start, lt: period.end } } },
      },
      _count: { _all: true },
    }),
  ]);
  return {
    measures: agencies.map((a) => ({
      agency: a,
      done: doneByAgency.find((r) => r.agency === a)?._count._all ?? 0,
      overdue: overdue.find((r) => r.agency === a)?._count._all ?? 0,
    })),
    meetingsHeld,
    visits: { planned, done: visitsDone, notDone: visitsNotDone },
  };
}
