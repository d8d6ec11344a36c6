import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { assignAll, makeWorld, type World } from "./fixtures";
import { dashboardTables } from "@/lib/dashboard/tables";
import { getDashboard } from "@/lib/dashboard/queries";
import { jointWorkFigures } from "@/lib/dashboard/joint-work";
import { resolvePeriods, todayIn } from "@/lib/dashboard/periods";
import { parseDashboardQuery } from "@/lib/dashboard/schemas";
import { db } from "@/lib/db";
import type { StatsScope } from "@/lib/dashboard/sql";
import sv from "@/messages/sv";
import { createMeeting, createPlan, createPlanMeasure, createPlannedVisit } from "@/prisma/factories";

/*
 * The dashboard's joint work (issue 15): plan measures done in the period and overdue now per
 * owner agency, meetings held, planned visits done and not done. The period is November 2026 and
 * the clock 3 December 2026: fixed dates, no "today at 08:00".
 */

const NOW = new Date("2026-12-03T10:00:00Z");
const NOVEMBER = { period: "custom", from: "2026-11", to: "2026-11" };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  const plan = await createPlan(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
  const measure = (agency: "POLICE" | "SOCIAL" | "PROBATION") => ({
    siteId: w.site.id,
    planId: plan.id,
    personId: w.person.id,
    agency,
    createdById: w.users[agency].id,
  });
  for (const doneOn of ["2026-11-05", "2026-11-20", "2026-10-30"]) {
    const m = await createPlanMeasure(db, { ...measure("SOCIAL"), status: "DONE", dueOn: day("2026-11-30") });
    await db.planMeasureStatusChange.create({
      data: {
        measureId: m.id,
        fromStatus: "IN_PROGRESS",
        toStatus: "DONE",
        changedAt: new Date(`${doneOn}T12:00:00Z`),
        changedById: w.users.SOCIAL.id,
      },
    });
  }
  await createPlanMeasure(db, { ...measure("PROBATION"), status: "IN_PROGRESS", dueOn: day("2026-12-01") });
  await createPlanMeasure(db, { ...measure("PROBATION"), status: "PLANNED", dueOn: day("2026-12-10") });
  await createPlanMeasure(db, { ...measure("POLICE"), status: "DROPPED", dueOn: day("2026-11-01") });
  for (const [startsAt, status] of [
    ["2026-11-10T09:00:00Z", "HELD"],
    ["2026-11-24T09:00:00Z", "HELD"],
    ["2026-11-25T09:00:00Z", "PLANNED"],
    ["2026-10-20T09:00:00Z", "HELD"],
  ] as const)
    await createMeeting(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      startsAt: new Date(startsAt),
      status,
    });
  const visit = {
    siteId: w.site.id,
    personId: w.person.id,
    createdById: w.users.POLICE.id,
    createdByAgency: "POLICE" as const,
  };
  await createPlannedVisit(db, {
    ...visit,
    windowStartsOn: day("2026-11-02"),
    windowEndsOn: day("2026-11-06"),
    doneAt: new Date("2026-11-04T10:00:00Z"),
  });
  await createPlannedVisit(db, { ...visit, windowStartsOn: day("2026-11-16"), windowEndsOn: day("2026-11-20") });
  // Called off: neither planned, done nor missed.
  await createPlannedVisit(db, {
    ...visit,
    windowStartsOn: day("2026-11-09"),
    windowEndsOn: day("2026-11-13"),
    cancelledAt: new Date("2026-11-05T10:00:00Z"),
  });
  await createPlannedVisit(db, { ...visit, windowStartsOn: day("2026-12-01"), windowEndsOn: day("2026-12-05") });
});

const periodsOf = (params: Record<string, unknown>) =>
  resolvePeriods(parseDashboardQuery(params, todayIn(NOW)).choice, { today: todayIn(NOW), rounds: [] });

describe("the dashboard's joint work", () => {
  it("counts measures done in the period and overdue now per agency, meetings held, visits done and not", async () => {
    const scope: StatsScope = {
      siteId: w.site.id,
      people: null,
      referralPeople: null,
      supportMeasureKinds: true,
      followUps: "site",
      caseload: "site",
    };
    const figures = await jointWorkFigures(scope, periodsOf(NOVEMBER).current, todayIn(NOW), null);
    expect(figures.measures).toEqual([
      { agency: "POLICE", done: 0, overdue: 0 },
      { agency: "SOCIAL", done: 2, overdue: 0 },
      { agency: "PROBATION", done: 0, overdue: 1 },
    ]);
    expect(figures.meetingsHeld).toBe(2);
    expect(figures.visits).toEqual({ planned: 2, done: 1, notDone: 1 });
  });

  it("counts for an agency user only their caseload and their own agency's measures; the other site nothing", async () => {
    const scope: StatsScope = {
      siteId: w.site.id,
      people: [w.person.id],
      referralPeople: false,
      supportMeasureKinds: false,
      followUps: null,
      caseload: { userId: w.users.PROBATION.id },
    };
    const figures = await jointWorkFigures(scope, periodsOf(NOVEMBER).current, todayIn(NOW), "PROBATION");
    expect(figures.measures).toEqual([{ agency: "PROBATION", done: 0, overdue: 1 }]);
    const elsewhere = await jointWorkFigures(
      { ...scope, people: [w.secondPerson.id] },
      periodsOf(NOVEMBER).current,
      todayIn(NOW),
      "PROBATION",
    );
    expect(elsewhere.measures).toEqual([{ agency: "PROBATION", done: 0, overdue: 0 }]);
    expect(elsewhere.visits).toEqual({ planned: 0, done: 0, notDone: 0 });
    const otherSite = await jointWorkFigures(
      { ...scope, siteId: w.otherSite.id, people: null },
      periodsOf(NOVEMBER).current,
      todayIn(NOW),
      null,
    );
    expect(otherSite.meetingsHeld).toBe(0);
  });

  it("shows them to a manager as bands, meetings exactly, in a table the CSV writes too", async () => {
    const dashboard = await getDashboard({ actor: w.actors.MANAGER, params: NOVEMBER, now: NOW });
    expect(dashboard.view.jointWork).toEqual({
      measures: [
        { agency: "POLICE", done: "<5", overdue: "<5" },
        { agency: "SOCIAL", done: "<5", overdue: "<5" },
        { agency: "PROBATION", done: "<5", overdue: "<5" },
      ],
      meetingsHeld: 2,
      visits: { planned: "<5", done: "<5", notDone: "<5" },
    });
    const t = createTranslator({ locale: "sv", messages: sv, namespace: "dashboard" }) as never;
    const labels = createTranslator({ locale: "sv", messages: sv }) as never;
    const tables = dashboardTables(dashboard.view, t, labels);
    expect(tables.jointWork!.rows[0]).toEqual(["Samordningsmöten som hållits", 2]);
    expect(tables.planMeasures!.rows.map((r) => r[0])).toEqual(["Polisen", "Socialtjänsten", "Frivården"]);
  });
});
