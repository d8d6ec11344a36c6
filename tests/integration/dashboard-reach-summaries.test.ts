import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomNotification, Referral } from "@/lib/generated/prisma/client";
import { reachFigures } from "@/lib/dashboard/compute";
import { EARLIEST_DAY, makePeriod, monthSplit, type Period } from "@/lib/dashboard/periods";
import type { StatsScope } from "@/lib/dashboard/sql";
import {
  createCallIn,
  createCallInInvitee,
  createNotification,
  createPerson,
  createReferral,
  createReferralStatusChange,
  createSupportMeasure,
} from "@/prisma/factories";
import { makeWorld, type World } from "./fixtures";

/*
 * The unique people of a period come from summaries the database keeps by trigger (ContactMonth,
 * ContactMonthCount, NotificationDayCount; migrations …_dashboard_reach_summaries and
 * …_dashboard_contact_months). These tests build a site of random records (a fixed seed, so a
 * failure repeats), change them every way the app can, and check that:
 *  - the summaries kept change by change equal the summaries rebuilt from scratch;
 *  - the figures the dashboard counts (whole months from the summaries, partial months from the
 *    records) equal the figures counted from the records by their definitions (written out below,
 *    independent of the summaries), for every period and scope, including instants on either side
 *    of a Swedish new year and periods that begin or end mid-month.
 */

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

/** mulberry32: a small seeded generator, so the random site is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const FROM = Date.UTC(2019, 0, 1);
const TO = Date.UTC(2021, 2, 1);

async function buildRandomSite(seed = 20201) {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Instants near a Swedish new year (23:00–01:00 UTC on 31 December is 00:00–02:00 in Sweden).
  const instant = () =>
    rnd() < 0.25
      ? new Date(
          pick([Date.UTC(2019, 11, 31, 22), Date.UTC(2020, 11, 31, 22), Date.UTC(2018, 11, 31, 22)]) +
            Math.floor(rnd() * 4 * 3600_000),
        )
      : new Date(FROM + Math.floor(rnd() * (TO - FROM)));
  const police = w.users.POLICE.id;
  const social = w.users.SOCIAL.id;

  const people = [w.person, w.secondPerson];
  for (let i = 0; i < 22; i++) people.push(await createPerson(db, { siteId: w.site.id, createdById: police }));

  const notifications: CustomNotification[] = [];
  for (let i = 0; i < 90; i++) {
    notifications.push(
      await createNotification(db, {
        siteId: w.site.id,
        personId: pick(people).id,
        createdById: police,
        createdByAgency: "POLICE",
        occurredAt: instant(),
        outcome: pick(["DELIVERED", "DELIVERED", "DELIVERED", "REFUSED", "NOT_FOUND", "ATTEMPTED"] as const),
        askedForHelpOnSite: rnd() < 0.2,
      }),
    );
  }
  // Exactly on a period's end (a Swedish midnight): belongs to the next day, not the period.
  for (const at of ["2020-11-25T23:00:00Z", "2019-11-25T23:00:00Z", "2020-01-01T23:00:00Z", "2019-12-31T23:00:00Z"]) {
    notifications.push(
      await createNotification(db, {
        siteId: w.site.id,
        personId: pick(people).id,
        createdById: police,
        createdByAgency: "POLICE",
        occurredAt: new Date(at),
      }),
    );
  }
  // A referral after the round with a later delivered notification in between: the summary's
  // "latest notification before the referral" falls after the round, so the round's own
  // notification must be looked up (the funnel's fallback).
  const between = people[people.length - 1]!;
  for (const at of ["2020-05-15T10:00:00Z", "2020-06-10T10:00:00Z"]) {
    await createNotification(db, {
      siteId: w.site.id,
      personId: between.id,
      createdById: police,
      createdByAgency: "POLICE",
      occurredAt: new Date(at),
    });
  }
  await createReferral(db, {
    siteId: w.site.id,
    personId: between.id,
    source: "CUSTOM_NOTIFICATION",
    referredAt: new Date("2020-06-20T10:00:00Z"),
    createdById: social,
  });
  // The other site's records must never count.
  for (let i = 0; i < 5; i++) {
    await createNotification(db, {
      siteId: w.otherSite.id,
      personId: w.otherPerson.id,
      createdById: w.otherActor.id,
      createdByAgency: "POLICE",
      occurredAt: instant(),
    });
  }

  const callIns = [];
  for (let i = 0; i < 5; i++) {
    const callIn = await createCallIn(db, {
      siteId: w.site.id,
      occurredAt: instant(),
      venue: "Rådhuset",
      createdById: police,
      createdByAgency: "POLICE",
    });
    callIns.push(callIn);
    const invited = new Set<string>();
    for (let j = 0; j < 6; j++) {
      const person = pick(people);
      if (invited.has(person.id)) continue;
      invited.add(person.id);
      await createCallInInvitee(db, {
        callInId: callIn.id,
        personId: person.id,
        status: pick(["ATTENDED", "ATTENDED", "ABSENT", "INVITED", "DECLINED"] as const),
        askedForHelp: rnd() < 0.3,
      });
    }
  }

  // Referrals: mostly within 90 days after one of the person's notifications, some not.
  const referrals: Referral[] = [];
  for (let i = 0; i < 40; i++) {
    const n = pick(notifications);
    const referredAt = rnd() < 0.8 ? new Date(n.occurredAt.getTime() + Math.floor(rnd() * 100 * DAY)) : instant();
    const status = pick([
      "REFERRED",
      "CONTACTED",
      "ASSESSED",
      "IN_PROGRAMME",
      "COMPLETED",
      "DISCONTINUED",
      "DECLINED",
    ] as const);
    const referral = await createReferral(db, {
      siteId: w.site.id,
      personId: n.personId,
      source: "CUSTOM_NOTIFICATION",
      status,
      referredAt,
      createdById: social,
    });
    referrals.push(referral);
    if (status === "DISCONTINUED" && rnd() < 0.5) {
      await createReferralStatusChange(db, {
        referralId: referral.id,
        fromStatus: "ASSESSED",
        toStatus: "IN_PROGRAMME",
        changedAt: referredAt,
        changedById: social,
      });
    }
    if (rnd() < 0.35) {
      await createSupportMeasure(db, {
        siteId: w.site.id,
        referralId: referral.id,
        personId: n.personId,
        type: pick(["RELOCATION", "RELOCATION", "HOUSING"] as const),
        status: pick(["PLANNED", "ONGOING", "COMPLETED"] as const),
        startsOn: referredAt,
        createdById: social,
      });
    }
  }
  return { people, notifications, callIns, referrals, rnd, pick, instant };
}

/** Every way the app (or a repair) changes the records the summaries follow. */
async function changeEverything(site: Awaited<ReturnType<typeof buildRandomSite>>) {
  const { notifications, callIns, referrals, people, pick, instant } = site;
  const social = w.users.SOCIAL.id;
  // Notifications: moved across a new year, outcome and "asked for help" changed, moved to another person, deleted.
  await db.customNotification.update({
    where: { id: notifications[0]!.id },
    data: { occurredAt: new Date("2019-12-31T23:30:00Z") },
  });
  await db.customNotification.update({
    where: { id: notifications[1]!.id },
    data: { outcome: "REFUSED", askedForHelpOnSite: true },
  });
  await db.customNotification.update({ where: { id: notifications[2]!.id }, data: { outcome: "DELIVERED" } });
  await db.customNotification.update({ where: { id: notifications[3]!.id }, data: { personId: pick(people).id } });
  await db.customNotification.update({
    where: { id: notifications[4]!.id },
    data: { placeDescription: "not counted" },
  });
  await db.customNotification.deleteMany({ where: { id: { in: [notifications[5]!.id, notifications[6]!.id] } } });
  // Call-ins: attendance changed, an invitee removed, a call-in moved, a call-in deleted.
  const invitee = await db.callInInvitee.findFirstOrThrow({ where: { callInId: callIns[0]!.id } });
  await db.callInInvitee.update({
    where: { id: invitee.id },
    data: { status: invitee.status === "ATTENDED" ? "ABSENT" : "ATTENDED", askedForHelp: true },
  });
  const removed = await db.callInInvitee.findFirst({ where: { callInId: callIns[1]!.id, status: "ATTENDED" } });
  if (removed) await db.callInInvitee.delete({ where: { id: removed.id } });
  await db.callIn.update({ where: { id: callIns[2]!.id }, data: { occurredAt: new Date("2020-12-31T23:15:00Z") } });
  await db.callIn.delete({ where: { id: callIns[3]!.id } });
  // Referrals: moved in time, status changed, history added and removed, measures given, changed, removed; a referral deleted.
  await db.referral.update({ where: { id: referrals[0]!.id }, data: { referredAt: instant() } });
  await db.referral.update({ where: { id: referrals[1]!.id }, data: { status: "COMPLETED" } });
  await createReferralStatusChange(db, {
    referralId: referrals[2]!.id,
    toStatus: "IN_PROGRAMME",
    changedAt: new Date(),
    changedById: social,
  });
  await db.referralStatusChange.deleteMany({ where: { referralId: { in: referrals.slice(3, 20).map((r) => r.id) } } });
  await createSupportMeasure(db, {
    siteId: w.site.id,
    referralId: referrals[4]!.id,
    personId: referrals[4]!.personId,
    type: "RELOCATION",
    status: "ONGOING",
    startsOn: new Date(),
    createdById: social,
  });
  await db.supportMeasure.updateMany({
    where: { referralId: { in: referrals.slice(5, 15).map((r) => r.id) }, status: "PLANNED" },
    data: { status: "ONGOING" },
  });
  await db.supportMeasure.updateMany({
    where: { referralId: { in: referrals.slice(15, 25).map((r) => r.id) } },
    data: { type: "HOUSING" },
  });
  await db.supportMeasure.deleteMany({ where: { referralId: referrals[6]!.id } });
  await db.supportMeasure.deleteMany({ where: { referralId: referrals[7]!.id } });
  await db.referral.delete({ where: { id: referrals[7]!.id } });
}

async function summaries() {
  const months = await db.$queryRaw<unknown[]>`SELECT * FROM "ContactMonth" ORDER BY "personId", "siteId", kind, month`;
  const counts = await db.$queryRaw<
    unknown[]
  >`SELECT * FROM "ContactMonthCount" WHERE people <> 0 ORDER BY "siteId", kind, month, "previousMonth"`;
  const days = await db.$queryRaw<
    unknown[]
  >`SELECT * FROM "NotificationDayCount" WHERE notifications <> 0 ORDER BY "siteId", day`;
  return { months, counts, days };
}

async function rebuilt() {
  await db.$executeRaw`SELECT dashboard_rebuild_reach(), dashboard_rebuild_notification_days()`;
  return summaries();
}

/** Reach by its definition, counted from the records: one fold of every contact per person and period. */
function definitionReachSql(scope: StatsScope, periods: Period[]): Prisma.Sql {
  const rows = periods.map((p, k) => Prisma.sql`(${k}::int, ${p.start}::timestamptz, ${p.end}::timestamptz)`);
  const only = (column: string) =>
    scope.people ? Prisma.sql`AND ${Prisma.raw(column)} = ANY(${scope.people}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    WITH periods(k, s, e) AS (VALUES ${Prisma.join(rows)}),
    contacts AS (
      SELECT p.k, n."personId", 1 AS visit, n.outcome = 'DELIVERED' AS reached, n."askedForHelpOnSite" AS asked, false AS attended, false AS "askedAtCallIn"
      FROM periods p
      JOIN "CustomNotification" n ON n."siteId" = ${scope.siteId}::uuid AND n."occurredAt" >= p.s AND n."occurredAt" < p.e ${only('n."personId"')}
      UNION ALL
      SELECT p.k, i."personId", 0, false, false, true, i."askedForHelp"
      FROM periods p
      JOIN "CallIn" c ON c."siteId" = ${scope.siteId}::uuid AND c."occurredAt" >= p.s AND c."occurredAt" < p.e
      JOIN "CallInInvitee" i ON i."callInId" = c.id AND i.status = 'ATTENDED' ${only('i."personId"')}
    ),
    people AS (
      SELECT k, "personId", sum(visit) AS visits, bool_or(reached) AS reached, bool_or(asked) AS asked,
        bool_or(attended) AS attended, bool_or("askedAtCallIn") AS "askedAtCallIn"
      FROM contacts GROUP BY k, "personId"
    )
    SELECT p.k,
      (SELECT count(*) FROM people x WHERE x.k = p.k AND x.visits > 0)::int AS "SOUGHT",
      (SELECT coalesce(sum(x.visits), 0) FROM people x WHERE x.k = p.k)::int AS "VISITS",
      (SELECT count(*) FROM people x WHERE x.k = p.k AND x.reached)::int AS "REACHED",
      (SELECT count(*) FROM people x WHERE x.k = p.k AND x.asked)::int AS "ASKED",
      (SELECT count(*) FROM people x WHERE x.k = p.k AND x.attended)::int AS "ATTENDED",
      (SELECT count(*) FROM people x WHERE x.k = p.k AND x."askedAtCallIn")::int AS "ASKED_AT_CALL_IN",
      (SELECT count(*) FROM people x WHERE x.k = p.k AND (x.reached OR x.attended))::int AS "REACHED_EITHER",
      (SELECT count(DISTINCT c.id) FROM "CallIn" c WHERE c."siteId" = ${scope.siteId}::uuid AND c."occurredAt" >= p.s AND c."occurredAt" < p.e
        ${scope.people ? Prisma.sql`AND EXISTS (SELECT 1 FROM "CallInInvitee" i WHERE i."callInId" = c.id ${only('i."personId"')})` : Prisma.empty})::int AS "MEETINGS"
    FROM periods p ORDER BY p.k`;
}

/** The funnel by its definition, counted from the records (the statement the summary replaced). */
function definitionFunnelSql(scope: StatsScope, periods: Period[]): Prisma.Sql {
  const rows = periods.map((p, k) => Prisma.sql`(${k}::int, ${p.start}::timestamptz, ${p.end}::timestamptz)`);
  const people = scope.people ? Prisma.sql`AND r."personId" = ANY(${scope.people}::uuid[])` : Prisma.empty;
  const referralPeople = Array.isArray(scope.referralPeople)
    ? Prisma.sql`AND r."personId" = ANY(${scope.referralPeople}::uuid[])`
    : Prisma.empty;
  return Prisma.sql`
    WITH periods(k, s, e) AS (VALUES ${Prisma.join(rows)}),
    referred AS (
      SELECT p.k, r.id, r."personId", r.status
      FROM periods p
      JOIN "Referral" r ON r."siteId" = ${scope.siteId}::uuid ${people} ${referralPeople}
      WHERE EXISTS (
        SELECT 1 FROM "CustomNotification" n
        WHERE n."personId" = r."personId" AND n.outcome = 'DELIVERED' AND n."siteId" = ${scope.siteId}::uuid
          AND n."occurredAt" >= p.s AND n."occurredAt" < p.e
          AND n."occurredAt" <= r."referredAt" AND n."occurredAt" > r."referredAt" - interval '90 days')
    )
    SELECT p.k,
      (SELECT count(DISTINCT "personId") FROM referred r WHERE r.k = p.k)::int AS "referred",
      (SELECT count(DISTINCT "personId") FROM referred r WHERE r.k = p.k AND (r.status IN ('IN_PROGRAMME', 'COMPLETED') OR EXISTS (
        SELECT 1 FROM "ReferralStatusChange" h WHERE h."referralId" = r.id AND h."toStatus" = 'IN_PROGRAMME')))::int AS "inProgramme",
      (SELECT count(DISTINCT "personId") FROM referred r WHERE r.k = p.k AND r.status = 'COMPLETED')::int AS "completed",
      (SELECT count(DISTINCT "personId") FROM referred r WHERE r.k = p.k AND EXISTS (
        SELECT 1 FROM "SupportMeasure" m WHERE m."referralId" = r.id AND m.type = 'RELOCATION' AND m.status <> 'PLANNED'))::int AS "relocatedAll"
    FROM periods p ORDER BY p.k`;
}

const period = (from: string, to: string) => makePeriod("custom", from, to);

/** Pairs of periods as the dashboard asks for them (current, previous), short and long. */
const PERIOD_LISTS: Period[][] = [
  [period("2020-01-01", "2020-11-25"), period("2019-01-01", "2019-11-25")], // this year so far
  [period("2020-01-01", "2020-12-31"), period("2019-01-01", "2019-12-31")],
  [period("2021-01-01", "2021-02-10"), period("2020-01-01", "2020-02-10")],
  [period("2020-01-01", "2020-01-01")], // one day: the new year's night
  [period(EARLIEST_DAY, "2021-03-01")], // since the start
  [period(EARLIEST_DAY, "2019-12-31")],
  [period("2020-05-11", "2020-05-22"), period("2020-04-01", "2020-04-12")], // a round
  [period("2019-12-20", "2020-01-10")], // across the new year: two partial months
  [period("2019-06-15", "2020-06-14"), period("2018-06-15", "2019-06-14")], // a year from mid-month
  [period("2019-02-01", "2021-03-01")], // whole months and one day of the next
  [period("2019-11-30", "2020-02-29")], // one day of a month, then whole months
  [period("2020-02-01", "2020-02-29")], // one whole month, nothing else
];

async function definitionReachRows(scope: StatsScope, periods: Period[]) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>(definitionReachSql(scope, periods));
  return [...rows]
    .sort((a, b) => Number(a.k) - Number(b.k))
    .map(({ k: _k, ...figures }) => Object.fromEntries(Object.entries(figures).map(([key, v]) => [key, Number(v)])));
}

const sorted = <T extends Record<string, unknown>>(rows: T[]) =>
  [...rows].sort((a, b) => Number(a.k) - Number(b.k)).map((r) => ({ ...r, k: Number(r.k) }));

describe("the dashboard's reach and funnel summaries", () => {
  it("kept change by change, equal the summaries rebuilt from the records", async () => {
    const site = await buildRandomSite();
    await changeEverything(site);
    const incremental = await summaries();
    expect(incremental.months.length).toBeGreaterThan(50);
    // The funnel's kinds are there too, and the cells add up to the rows.
    expect(incremental.months.some((m) => (m as { kind: string }).kind === "IN_PROGRAMME")).toBe(true);
    const cells = incremental.counts as { people: number }[];
    expect(cells.reduce((sum, c) => sum + c.people, 0)).toBe(incremental.months.length);
    expect(await rebuilt()).toEqual(incremental);
  });

  it("give the same figures as counting the records, for every period and scope", async () => {
    const site = await buildRandomSite(7);
    await changeEverything(site);
    const caseload = site.people.filter((_, i) => i % 3 === 0).map((p) => p.id);
    const scopes: StatsScope[] = [
      {
        siteId: w.site.id,
        people: null,
        referralPeople: null,
        supportMeasureKinds: true,
        followUps: "site",
        caseload: "site",
      },
      {
        siteId: w.site.id,
        people: caseload,
        referralPeople: caseload.slice(0, 4),
        supportMeasureKinds: false,
        followUps: null,
        caseload: { userId: w.users.POLICE.id },
      },
      {
        siteId: w.site.id,
        people: caseload,
        referralPeople: null,
        supportMeasureKinds: true,
        followUps: null,
        caseload: { userId: w.users.SOCIAL.id },
      },
    ];
    let nonZero = 0;
    for (const scope of scopes) {
      for (const periods of PERIOD_LISTS) {
        const label = `${periods.map((p) => `${p.from}..${p.to}`).join(" / ")} (${scope.people ? "caseload" : "site"})`;
        const reach = await definitionReachRows(scope, periods);
        const funnel = sorted(await db.$queryRaw<Record<string, unknown>[]>(definitionFunnelSql(scope, periods)));
        for (const [k, p] of periods.entries()) {
          const counted = await reachFigures(scope, p);
          const f = funnel[k]!;
          expect(counted, `${label}, period ${k}`).toEqual({
            ...reach[k],
            REFERRED: Number(f.referred),
            IN_PROGRAMME: Number(f.inProgramme),
            COMPLETED: Number(f.completed),
            // Counted whatever the scope; the figures leave it out where the kinds may not be seen.
            RELOCATED: Number(f.relocatedAll),
          });
        }
        nonZero +=
          funnel.filter((r) => Number(r.referred) > 0).length + reach.filter((r) => (r.SOUGHT ?? 0) > 0).length;
      }
    }
    // The comparison means something only if the random site gives figures to compare.
    expect(nonZero).toBeGreaterThan(30);
  });

  it("splits a period into whole months and the partial months at its edges", () => {
    const split = (from: string, to: string) => {
      const { months, edges } = monthSplit(period(from, to));
      return { months, edges: edges.map((e) => [e.start.toISOString(), e.end.toISOString()]) };
    };
    expect(split(EARLIEST_DAY, "2026-11-25")).toEqual({
      months: { first: EARLIEST_DAY, last: "2026-10-01" },
      edges: [["2026-10-31T23:00:00.000Z", "2026-11-25T23:00:00.000Z"]],
    });
    expect(split("2026-01-01", "2026-01-31")).toEqual({
      months: { first: "2026-01-01", last: "2026-01-01" },
      edges: [],
    });
    expect(split("2025-06-15", "2026-06-14")).toEqual({
      months: { first: "2025-07-01", last: "2026-05-01" },
      edges: [
        ["2025-06-14T22:00:00.000Z", "2025-06-30T22:00:00.000Z"],
        ["2026-05-31T22:00:00.000Z", "2026-06-14T22:00:00.000Z"],
      ],
    });
    // No whole month: the records alone.
    expect(split("2026-03-02", "2026-04-30").months).toEqual({ first: "2026-04-01", last: "2026-04-01" });
    expect(split("2026-03-02", "2026-04-29")).toEqual({
      months: null,
      edges: [["2026-03-01T23:00:00.000Z", "2026-04-29T22:00:00.000Z"]],
    });
    expect(split("2026-11-25", "2026-11-25").months).toBeNull();
  });

  it("agrees with the app's earliest day", async () => {
    const [row] = await db.$queryRaw<{ day: Date }[]>`SELECT dashboard_earliest_day() AS day`;
    expect(row!.day.toISOString().slice(0, 10)).toBe(EARLIEST_DAY);
  });

  it("counts by the Swedish calendar: 31 December 23:30 UTC is the new year in Sweden", async () => {
    await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      occurredAt: new Date("2019-12-31T23:30:00Z"),
    });
    const months = await db.$queryRaw<{ month: Date }[]>`SELECT DISTINCT month FROM "ContactMonth"`;
    expect(months.map((r) => r.month.toISOString().slice(0, 10))).toEqual(["2020-01-01"]);
    const days = await db.$queryRaw<{ day: Date }[]>`SELECT day FROM "NotificationDayCount"`;
    expect(days.map((r) => r.day.toISOString().slice(0, 10))).toEqual(["2020-01-01"]);
  });

  it("waits for a rebuild while a bulk load has switched them off (samverkan.summaries_off)", async () => {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL samverkan.summaries_off = 'on'`;
      await createNotification(tx as unknown as typeof db, {
        siteId: w.site.id,
        personId: w.person.id,
        createdById: w.users.POLICE.id,
        createdByAgency: "POLICE",
      });
    });
    expect(await summaries()).toEqual({ months: [], counts: [], days: [] });
    const after = await rebuilt();
    // Sought out, reached, reached either (the factory's notification is delivered).
    expect(after.months).toHaveLength(3);
    expect(after.days).toHaveLength(1);
    // The setting ended with the transaction: the next change is kept again.
    await createNotification(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    expect((await summaries()).months).toHaveLength(6);
  });

  it("stays exact when two transactions change one person's records at once", async () => {
    const early = new Date("2020-03-01T10:00:00Z");
    const late = new Date("2020-06-01T10:00:00Z");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const data = {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE" as const,
    };
    // The first transaction records the later notification and holds its commit; the second
    // records the earlier one meanwhile. The second must wait for the first, then count both.
    const first = db.$transaction(
      async (tx) => {
        await createNotification(tx as unknown as typeof db, { ...data, occurredAt: late });
        firstInserted();
        await held;
      },
      { timeout: 20_000 },
    );
    await inserted;
    const second = db.$transaction(
      async (tx) => createNotification(tx as unknown as typeof db, { ...data, occurredAt: early, outcome: "REFUSED" }),
      { timeout: 20_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([first, second]);
    const rows = await db.$queryRaw<
      { kind: string; month: Date; previousMonth: Date }[]
    >`SELECT kind::text, month, "previousMonth" FROM "ContactMonth" WHERE kind IN ('SOUGHT', 'REACHED') ORDER BY kind, month`;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(rows.map((r) => [r.kind, day(r.month), day(r.previousMonth)])).toEqual([
      ["REACHED", "2020-06-01", "0001-01-01"],
      ["SOUGHT", "2020-03-01", "0001-01-01"],
      ["SOUGHT", "2020-06-01", "2020-03-01"],
    ]);
    const incremental = await summaries();
    expect(await rebuilt()).toEqual(incremental);
  });
});
