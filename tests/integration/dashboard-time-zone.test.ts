import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDashboardFigures } from "@/lib/dashboard/queries";
import { createDatabase, db, type Database } from "@/lib/db";
import {
  createCallIn,
  createCallInInvitee,
  createNotification,
  createReferral,
  createSupportMeasure,
} from "@/prisma/factories";
import { testDatabaseUrl } from "./database";
import { makeWorld, type World } from "./fixtures";

/*
 * The dashboard's periods are days and months of the Swedish calendar, whatever time zone the
 * PostgreSQL server is set to: a managed database is often in UTC, sometimes in the operator's
 * zone. Here the database's default time zone is set far from Stockholm's on either side, the
 * app opens its connections to it (lib/db.ts), writes the records and reads the figures, which
 * must equal the figures of the test server's own (UTC) connections and the ones the Swedish
 * calendar gives by hand. (Written without lib/db's own UTC session, Prisma's pg adapter sent
 * instants as local times the server read in its zone: a call-in at 23:15 UTC was stored 14
 * hours early.)
 */

const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles"] as const; // UTC+14, UTC−8/−7

const databaseName = () => new URL(testDatabaseUrl()).pathname.slice(1);

/** New connections to this worker's database start in `zone`, as on a server configured so. */
async function setServerZone(zone: string | null) {
  const name = databaseName().replace(/"/g, '""');
  if (zone) await db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO '${zone.replace(/'/g, "")}'`);
  else await db.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET timezone`);
}

async function inZone(zone: string): Promise<Database> {
  await setServerZone(zone);
  // The premise: a connection that does not set its own zone gets the server's.
  const plain = new pg.Client({ connectionString: testDatabaseUrl() });
  await plain.connect();
  const { rows } = await plain.query<{ TimeZone: string }>("SHOW timezone");
  await plain.end();
  expect(rows[0]!.TimeZone).toBe(zone);
  return createDatabase(testDatabaseUrl());
}

const holder = globalThis as unknown as { samverkanDb?: Database };
let w: World;
let opened: Database[] = [];
let appDb: Database | undefined;

beforeEach(async () => {
  w = await makeWorld();
  appDb = holder.samverkanDb;
});

afterEach(async () => {
  holder.samverkanDb = appDb;
  await setServerZone(null);
  await Promise.all(opened.map((d) => d.prisma.$disconnect().then(() => d.pool.end())));
  opened = [];
});

/** lib/db's client, for the duration of `fn`, is one whose sessions are in `zone`. */
async function withAppIn<T>(zone: string | null, fn: () => Promise<T>): Promise<T> {
  if (!zone) return fn();
  const zoned = await inZone(zone);
  opened.push(zoned);
  holder.samverkanDb = zoned;
  try {
    return await fn();
  } finally {
    holder.samverkanDb = appDb;
  }
}

/** Records on either side of Swedish midnights that begin a month (winter and summer time). */
async function recordAround(client: typeof db) {
  const [a, b] = [w.person, w.secondPerson];
  const police = { siteId: w.site.id, createdById: w.users.POLICE.id, createdByAgency: "POLICE" as const };
  // 1 March 00:30 in Sweden (CET): March, although it is still 28 February in UTC.
  await createNotification(client, { ...police, personId: a.id, occurredAt: new Date("2026-02-28T23:30:00Z") });
  // 31 March 23:30 (CEST, summer time from 29 March): still March.
  await createNotification(client, { ...police, personId: b.id, occurredAt: new Date("2026-03-31T21:30:00Z") });
  // 1 April 00:30 (CEST): April, although it is 31 March in UTC.
  await createNotification(client, { ...police, personId: a.id, occurredAt: new Date("2026-03-31T22:30:00Z") });
  // 28 February 23:59 (CET): February.
  await createNotification(client, {
    ...police,
    personId: b.id,
    occurredAt: new Date("2026-02-28T22:59:00Z"),
    outcome: "REFUSED",
  });
  const callIn = await createCallIn(client, {
    ...police,
    occurredAt: new Date("2026-02-28T23:15:00Z"),
    venue: "Rådhuset",
  });
  await createCallInInvitee(client, { callInId: callIn.id, personId: b.id, status: "ATTENDED" });
  const referral = await createReferral(client, {
    siteId: w.site.id,
    personId: a.id,
    source: "CUSTOM_NOTIFICATION",
    referredAt: new Date("2026-03-10T10:00:00Z"),
    createdById: w.users.SOCIAL.id,
  });
  await createSupportMeasure(client, {
    siteId: w.site.id,
    referralId: referral.id,
    personId: a.id,
    type: "RELOCATION",
    status: "ONGOING",
    startsOn: new Date("2026-03-01T00:00:00Z"),
    createdById: w.users.SOCIAL.id,
  });
}

const NOW = new Date("2026-04-15T10:00:00Z");
const PERIODS: Record<string, Record<string, string>> = {
  march: { period: "custom", from: "2026-03", to: "2026-03" },
  february: { period: "custom", from: "2026-02", to: "2026-02" },
  februaryToApril: { period: "custom", from: "2026-02", to: "2026-04" },
  thisMonth: { period: "month" },
  thisYear: { period: "year" },
  all: { period: "all" },
};

async function figuresOfEveryPeriod() {
  const out: Record<string, unknown> = {};
  for (const [name, params] of Object.entries(PERIODS))
    out[name] = await getDashboardFigures({ actor: w.actors.MANAGER, params, now: NOW });
  return out;
}

describe("the dashboard on a server in another time zone", () => {
  it("counts by the Swedish calendar, as by hand", async () => {
    await withAppIn(ZONES[0], () => recordAround(holder.samverkanDb!.prisma));
    const march = await withAppIn(ZONES[0], () =>
      getDashboardFigures({ actor: w.actors.MANAGER, params: PERIODS.march!, now: NOW }),
    );
    expect(march.current.notifications).toEqual({ soughtOut: 2, visits: 2, reached: 2, askedForHelp: 0 });
    expect(march.current.callIns).toEqual({ meetings: 1, attended: 1, askedForHelp: 0 });
    expect(march.current.funnel).toMatchObject({ referred: 1, relocated: 1 });
    expect(march.current.programme!.measures).toEqual({ RELOCATION: { measures: 1, people: 1 } });
    // February (the comparison) holds only the refused visit of 28 February 23:59.
    expect(march.previous!.notifications).toEqual({ soughtOut: 1, visits: 1, reached: 0, askedForHelp: 0 });
    expect(march.previous!.callIns.meetings).toBe(0);
  });

  it.each(ZONES)("gives the same figures for every period as a server in UTC (%s)", async (zone) => {
    await withAppIn(zone, () => recordAround(holder.samverkanDb!.prisma));
    const zoned = await withAppIn(zone, figuresOfEveryPeriod);
    await setServerZone(null);
    // The summaries the triggers kept over the zoned connection equal a rebuild over this one.
    const kept = await db.$queryRaw<unknown[]>`SELECT * FROM "ContactMonth" ORDER BY 1, 2, 3, 4`;
    const days = await db.$queryRaw<unknown[]>`SELECT * FROM "NotificationDayCount" ORDER BY 1, 2`;
    await db.$executeRaw`SELECT dashboard_rebuild_reach(), dashboard_rebuild_notification_days()`;
    expect(await db.$queryRaw<unknown[]>`SELECT * FROM "ContactMonth" ORDER BY 1, 2, 3, 4`).toEqual(kept);
    expect(await db.$queryRaw<unknown[]>`SELECT * FROM "NotificationDayCount" ORDER BY 1, 2`).toEqual(days);
    expect(await figuresOfEveryPeriod()).toEqual(zoned);
  });
});
