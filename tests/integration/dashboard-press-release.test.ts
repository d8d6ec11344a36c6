import { describe, expect, it } from "vitest";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { computeFigures } from "@/lib/dashboard/compute";
import { isoDay, resolvePeriods, todayIn } from "@/lib/dashboard/periods";
import { getDashboard } from "@/lib/dashboard/queries";
import { band } from "@/lib/dashboard/suppress";
import { db } from "@/lib/db";
import { runSeed } from "../../prisma/seed";
import { DEMO_ROUNDS, DEMO_SHOOTINGS_PER_YEAR } from "../../prisma/seed/demo";
import { keepDataBetweenTests, testDatabaseUrl } from "./database";

/*
 * The acceptance case of issue 5: the figures of the Malmö police press release (autumn 2020,
 * ../shared/seed-press-release.txt) computed by the dashboard from the demo seed's individual
 * records. Nothing here counts rows itself: every number comes from lib/dashboard. The page shows
 * each count as its band of five (docs/decisions/009), so each case checks the exact figure the
 * dashboard computes and the band the manager sees.
 */

// The press release was published at the start of October 2020.
const NOW = new Date("2020-10-01T10:00:00Z");

let manager: Actor;
let rounds: { may: string; latest: string };

// The tests only read the demo records (and add audit events of their reads): the seed (~3–5 s)
// is loaded once for the file, and the database emptied only before the first test.
keepDataBetweenTests();
let seeding: Promise<unknown> | undefined;
async function seeded() {
  await (seeding ??= runSeed(testDatabaseUrl()));
  const user = await db.user.findUniqueOrThrow({ where: { email: "ledning@malmo.samverkan.test" } });
  manager = actorOf(user);
  const all = await db.notificationRound.findMany({ where: { siteId: user.siteId } });
  rounds = {
    may: all.find((r) => isoDay(r.startsOn) === DEMO_ROUNDS.may.startsOn)!.id,
    latest: all.find((r) => isoDay(r.startsOn) === DEMO_ROUNDS.latest.startsOn)!.id,
  };
}

/** The exact counts the dashboard computes, before they are shown as bands. */
async function exactFigures(params: { period?: "round" | "all"; round?: string }) {
  const today = todayIn(NOW);
  const all = await db.notificationRound.findMany({ where: { siteId: manager.siteId } });
  const periods = resolvePeriods(params, {
    today,
    rounds: all.map((r) => ({ id: r.id, name: r.name, startsOn: isoDay(r.startsOn), endsOn: isoDay(r.endsOn) })),
  });
  const scope = {
    siteId: manager.siteId,
    people: null,
    referralPeople: null,
    supportMeasureKinds: true,
    followUps: "site" as const,
    caseload: "site" as const,
  };
  return computeFigures(scope, periods, today);
}

describe("the dashboard reproduces the press release from the demo records", () => {
  it("the latest round: 24 people sought out, 5 asked for help on the spot; compared with May's round", async () => {
    await seeded();
    const { view } = await getDashboard({ actor: manager, params: {}, now: NOW });
    expect(view.periods.current).toMatchObject({
      kind: "round",
      from: DEMO_ROUNDS.latest.startsOn,
      to: DEMO_ROUNDS.latest.endsOn,
      roundName: DEMO_ROUNDS.latest.name,
    });
    expect(view.periods.previous).toMatchObject({ kind: "round", from: DEMO_ROUNDS.may.startsOn });
    const exact = await exactFigures({});
    expect([exact.current.notifications.soughtOut, exact.previous!.notifications.soughtOut]).toEqual([24, 23]);
    expect(exact.current.notifications.askedForHelp).toBe(5);
    // Two were not found at the first attempt: the visits outnumber the people.
    expect(exact.current.notifications.visits).toBe(26);
    expect(exact.current.notifications.reached).toBe(24);
    // The five who asked for help were referred at once.
    expect(exact.current.funnel!.referred).toBe(5);
    // What the manager sees: the bands, and the change between them.
    expect(view.reach.soughtOut).toEqual({ current: "20–24", previous: "20–24", change: 0 });
    expect([view.reach.askedForHelp.current, view.reach.visits.current, view.reach.reached.current]).toEqual([
      "5–9",
      "25–29",
      "20–24",
    ]);
    expect(view.funnel!.stages.find((s) => s.stage === "referred")!.current).toBe("5–9");
  }, 120_000);

  it("May: 23 sought out in two weeks, 7 sought support from the defector programme, 2 helped to move", async () => {
    await seeded();
    const { view } = await getDashboard({ actor: manager, params: { period: "round", round: rounds.may }, now: NOW });
    expect(view.periods.current).toMatchObject({ from: "2020-05-11", to: "2020-05-22" });
    expect(view.reach.soughtOut.current).toBe("20–24");
    const stage = (name: string) => view.funnel!.stages.find((s) => s.stage === name)!;
    expect(stage("referred").current).toBe("5–9");
    // The share of the bands' middles (7 of 22), not of the exact counts (7 of 23: 30 %).
    expect(stage("referred").share).toBe(32);
    // Two is a small number: the manager sees "<5", and no share that would tell it.
    expect(view.funnel!.relocated).toEqual({ current: "<5", previous: null, change: null });
    const exact = await exactFigures({ period: "round", round: rounds.may });
    expect(exact.current.funnel).toMatchObject({ notified: 23, referred: 7, relocated: 2 });
    expect(exact.current.notifications.soughtOut).toBe(23);
  }, 120_000);

  it("over 100 people sought out since the start, several more than once", async () => {
    await seeded();
    const { view } = await getDashboard({ actor: manager, params: { period: "all" }, now: NOW });
    expect(view.periods.previous).toBeNull();
    const exact = await exactFigures({ period: "all" });
    const soughtOut = exact.current.notifications.soughtOut;
    expect(soughtOut).toBeGreaterThan(100);
    expect(soughtOut).toBeLessThan(120); // "drygt 100"
    expect(exact.current.notifications.visits).toBeGreaterThan(soughtOut);
    expect(view.reach.soughtOut.current).toBe(band(soughtOut));
  }, 120_000);

  it("over 40 deprived of liberty, a majority of whom had been notified or called in", async () => {
    await seeded();
    const { view } = await getDashboard({ actor: manager, params: { period: "all" }, now: NOW });
    const { liberty } = await exactFigures({ period: "all" });
    expect(liberty.deprived).toBeGreaterThan(40);
    expect(liberty.either).toBeGreaterThan(liberty.deprived / 2);
    expect(liberty.notified).toBeGreaterThan(0);
    expect(liberty.calledIn).toBeGreaterThan(0);
    expect(view.liberty).toEqual({
      deprived: band(liberty.deprived),
      notified: band(liberty.notified),
      calledIn: band(liberty.calledIn),
      either: band(liberty.either),
    });
  }, 120_000);

  it("shootings: 65 (2017), 47 (2018), 34 (2019) and 19 so far in 2020", async () => {
    await seeded();
    const { view } = await getDashboard({ actor: manager, params: { period: "year" }, now: NOW });
    const perYear = Object.fromEntries(view.incidents.years.map((y) => [y.year, y.shootings]));
    expect(perYear).toMatchObject(DEMO_SHOOTINGS_PER_YEAR);
    expect(perYear).toEqual({ 2017: 65, 2018: 47, 2019: 34, 2020: 19 });
    const y2020 = view.incidents.years.find((y) => y.year === 2020)!;
    expect(y2020.partial).toBe(true);
    expect(view.incidents.years.find((y) => y.year === 2018)!.changePercent).toBe(Math.round(((47 - 65) / 65) * 100));
    expect(view.incidents.yearToDate.shootings).toBe(19);
    // Month by month, 2020 beside 2019, adds up to the same totals.
    expect(view.incidents.monthsYear).toBe(2020);
    expect(view.incidents.months.reduce((s, m) => s + (m.shootings ?? 0), 0)).toBe(19);
    expect(view.incidents.months.reduce((s, m) => s + m.shootingsLastYear, 0)).toBe(34);
    expect(view.incidents.months.slice(10).every((m) => m.shootings === null)).toBe(true);
  }, 120_000);

  it("shows caseloads per coordinator and overdue follow-ups per officer, and audits the read", async () => {
    await seeded();
    const before = await db.auditEvent.count({ where: { action: "READ", entityType: "Statistics" } });
    const { view } = await getDashboard({ actor: manager, params: {}, now: NOW });
    expect(view.caseload.map((r) => r.name)).toEqual(
      expect.arrayContaining(["Jonas Berglund", "Sara Holm", "Maria Ekström", "Karin Nyström"]),
    );
    expect(view.caseload.find((r) => r.name === "Jonas Berglund")).toEqual({
      name: "Jonas Berglund",
      agency: "POLICE",
      people: "85–89",
    });
    expect(view.overdue!.length).toBeGreaterThan(0);
    expect(view.overdue!.every((r) => r.agency === "PROBATION")).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "READ", entityType: "Statistics" },
      orderBy: { id: "desc" },
    });
    expect(await db.auditEvent.count({ where: { action: "READ", entityType: "Statistics" } })).toBe(before + 1);
    expect(event).toMatchObject({ actorId: manager.id, siteId: manager.siteId, personId: null });
    expect(event.metadata).toEqual({
      audience: "site",
      period: "round",
      from: "2020-09-14",
      to: "2020-09-25",
      roundId: rounds.latest,
    });
    // The manager's view holds counts only: no person's id anywhere in it.
    const people = await db.person.findMany({ select: { id: true } });
    const json = JSON.stringify(view);
    expect(people.some((p) => json.includes(p.id))).toBe(false);
  }, 120_000);
});
