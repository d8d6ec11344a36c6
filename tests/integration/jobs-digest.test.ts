import { afterEach, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import { sendDigest } from "@/lib/digest/send";
import { setDigest } from "@/lib/digest/mutations";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { enqueueDigestNow } from "@/lib/jobs/publish";
import { JOB_SCHEMA, JOBS } from "@/lib/jobs/queues";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { Mailer } from "@/lib/mail/transport";
import { countTodo, countTodoTotal, listTodo, TODO_KINDS, totalOf } from "@/lib/todo/queries";
import { actorOf } from "@/lib/auth";
import {
  createFollowUp,
  createGroup,
  createMeeting,
  createMeetingDecision,
  createMembership,
  createPerson,
  createPlan,
  createPlanMeasure,
  createPlannedVisit,
  createUser,
} from "@/prisma/factories";
import { startTestSmtp, type TestSmtp } from "@/scripts/lib/test-smtp";
import nodemailer from "nodemailer";
import { testDatabaseUrl } from "./database";
import { assignAll, giveConsent, makeWorld, type World } from "./fixtures";
import { followUpWhere } from "@/lib/authz";
import { getConsentOverview } from "@/lib/consent/queries";
import { todayDateOnly } from "@/lib/validation/activity-fields";

/*
 * The background jobs (pg-boss on this worker's database) and the daily digest through a real
 * SMTP server on loopback: every job runs once with two workers polling; a digest holds counts
 * and a link, never a name or a personnummer; one digest per user and day.
 */

const DAY = 86_400_000;
const days = (n: number) => new Date(Date.UTC(2026, 11, 3) + n * DAY);
const NOW = new Date("2026-12-03T09:00:00Z");

let w: World;
let smtp: TestSmtp;
let mailer: Mailer;
const workers: Worker[] = [];

function smtpMailerFor(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return { send: async (m) => void (await transport.sendMail({ from: "Samverkan <test@samverkan.invalid>", ...m })) };
}

beforeEach(async () => {
  w = await makeWorld();
  smtp = await startTestSmtp();
  mailer = smtpMailerFor(smtp.url);
  // pg-boss's tables are in their own schema, which the per-test truncation leaves alone.
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query(
    `DO $$ BEGIN IF to_regclass('${JOB_SCHEMA}.job') IS NOT NULL THEN DELETE FROM ${JOB_SCHEMA}.job; DELETE FROM ${JOB_SCHEMA}.schedule; END IF; END $$`,
  );
  await client.end();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((x) => x.stop()));
  await smtp.stop();
});

/** A probation officer with one overdue and one upcoming follow-up about a named person. */
async function officerWithWork() {
  const officer = await createUser(db, { siteId: w.site.id, role: "PROBATION" });
  const person = await createPerson(db, {
    siteId: w.site.id,
    createdById: officer.id,
    firstName: "Hemlig",
    lastName: "Personsson",
  });
  await createFollowUp(db, {
    siteId: w.site.id,
    personId: person.id,
    agency: "PROBATION",
    assignedToId: officer.id,
    dueOn: days(-2),
  });
  await createFollowUp(db, {
    siteId: w.site.id,
    personId: person.id,
    agency: "PROBATION",
    assignedToId: officer.id,
    dueOn: days(3),
  });
  return { officer, person };
}

describe("Att göra", () => {
  it("counts and lists the user's own open follow-ups, not another agency's, and logs the list", async () => {
    await assignAll(w);
    const mine = w.users.PROBATION.id;
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: mine,
      dueOn: days(-1),
    });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: mine,
      dueOn: days(6),
    });
    // Beyond the week, done, and social services' (even assigned to the same id) are not on it.
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: mine,
      dueOn: days(7),
    });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: mine,
      dueOn: days(-3),
      doneAt: NOW,
    });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "SOCIAL",
      assignedToId: w.users.SOCIAL.id,
      dueOn: days(-1),
    });

    const counts = await countTodo({ actor: w.actors.PROBATION, now: NOW });
    expect(counts.followUp).toEqual({ overdue: 1, due: 1 });
    const list = await listTodo({ actor: w.actors.PROBATION, now: NOW });
    expect(list.overdue.map((i) => i.kind)).toEqual(["followUp"]);
    expect(list.due.map((i) => [i.kind, i.personName])).toEqual([["followUp", "Testa Testsson"]]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "TodoList", actorId: mine } });
    expect(event.action).toBe("SEARCH");
    expect(event.metadata).toMatchObject({ shownPersonIds: [w.person.id] });
  });

  it("lists the open plan measures the user is responsible for, not a colleague's or a done one", async () => {
    await assignAll(w);
    const plan = await createPlan(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.SOCIAL.id });
    const base = {
      siteId: w.site.id,
      planId: plan.id,
      personId: w.person.id,
      agency: "SOCIAL" as const,
      createdById: w.users.SOCIAL.id,
    };
    await createPlanMeasure(db, { ...base, responsibleId: w.users.SOCIAL.id, dueOn: days(-1) });
    await createPlanMeasure(db, { ...base, responsibleId: w.users.SOCIAL.id, dueOn: days(2), status: "IN_PROGRESS" });
    await createPlanMeasure(db, { ...base, responsibleId: w.users.SOCIAL.id, dueOn: days(-1), status: "DONE" });
    const colleague = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    await createPlanMeasure(db, { ...base, responsibleId: colleague.id, dueOn: days(1) });
    expect((await countTodo({ actor: w.actors.SOCIAL, now: NOW })).planMeasure).toEqual({ overdue: 1, due: 1 });
    const list = await listTodo({ actor: w.actors.SOCIAL, now: NOW });
    expect([...list.overdue, ...list.due].filter((i) => i.kind === "planMeasure")).toHaveLength(2);
  });

  it("lists the user's open meeting tasks and the planned visits of their team, overdue once the window passed", async () => {
    await assignAll(w);
    const meeting = await createMeeting(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      agendaPersonIds: [w.person.id],
    });
    const task = (dueOn: Date, status: "OPEN" | "DONE" = "OPEN") => ({
      ownerAgency: "PROBATION" as const,
      responsibleId: w.users.PROBATION.id,
      dueOn,
      status,
    });
    await createMeetingDecision(db, {
      siteId: w.site.id,
      meetingId: meeting.id,
      personId: w.person.id,
      recordedByAgency: "POLICE",
      createdById: w.users.POLICE.id,
      tasks: [task(days(-3)), task(days(4)), task(days(-3), "DONE"), task(days(30))],
    });
    const visit = {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE" as const,
    };
    await createPlannedVisit(db, {
      ...visit,
      windowStartsOn: days(-6),
      windowEndsOn: days(-1),
      teamIds: [w.users.PROBATION.id],
    });
    await createPlannedVisit(db, {
      ...visit,
      windowStartsOn: days(-1),
      windowEndsOn: days(2),
      teamIds: [w.users.PROBATION.id],
    });
    await createPlannedVisit(db, {
      ...visit,
      windowStartsOn: days(8),
      windowEndsOn: days(9),
      teamIds: [w.users.PROBATION.id],
    });
    await createPlannedVisit(db, {
      ...visit,
      windowStartsOn: days(0),
      windowEndsOn: days(2),
      teamIds: [w.users.SOCIAL.id],
    });
    const counts = await countTodo({ actor: w.actors.PROBATION, now: NOW });
    // The header's one query per kind says the same as the counts.
    expect(await countTodoTotal({ actor: w.actors.PROBATION, now: NOW })).toBe(totalOf(counts).all);
    expect(totalOf(counts).all).toBe(4);
    expect(counts.meetingTask).toEqual({ overdue: 1, due: 1 });
    expect(counts.plannedVisit).toEqual({ overdue: 1, due: 1 });
    // The planner (the police officer) has all three of theirs, none of social services' team's.
    expect((await countTodo({ actor: w.actors.POLICE, now: NOW })).plannedVisit).toEqual({ overdue: 1, due: 2 });
  });

  it("puts a membership assessment due for review on the list of the assessing agency's coordinator only", async () => {
    await assignAll(w);
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const base = {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
      confidence: "CONFIRMED" as const,
    };
    await createMembership(db, { ...base, sourceAgency: "POLICE", reviewDueOn: days(-5) });
    await createMembership(db, { ...base, sourceAgency: "POLICE", reviewDueOn: days(2), validTo: days(-30) });
    expect((await countTodo({ actor: w.actors.POLICE, now: NOW })).membershipReview).toEqual({ overdue: 1, due: 0 });
    expect((await countTodo({ actor: w.actors.SOCIAL, now: NOW })).membershipReview).toEqual({ overdue: 0, due: 0 });
    // Another police officer without the person in their caseload: not theirs to review.
    const colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "POLICE" }));
    expect((await countTodo({ actor: colleague, now: NOW })).membershipReview).toEqual({ overdue: 0, due: 0 });
  });

  it("shows a consent given for a time a month before it lapses; once lapsed it opens nothing", async () => {
    await assignAll(w);
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    await db.consent.update({ where: { id: consent.id }, data: { validUntil: days(20) } });
    expect((await countTodo({ actor: w.actors.SOCIAL, now: NOW })).consentLapsing).toEqual({ overdue: 0, due: 1 });
    expect((await countTodo({ actor: w.actors.SOCIAL, now: days(-20) })).consentLapsing).toEqual({
      overdue: 0,
      due: 0,
    });
    expect((await countTodo({ actor: w.actors.SOCIAL, now: days(21) })).consentLapsing).toEqual({ overdue: 0, due: 0 });
    // What it opens (probation's follow-ups for social services) is open on its last day, closed after.
    const followUp = await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
    });
    const seen = () => db.followUp.count({ where: { AND: [followUpWhere(w.actors.SOCIAL), { id: followUp.id }] } });
    const today = todayDateOnly();
    await db.consent.update({ where: { id: consent.id }, data: { validUntil: today } });
    expect(await seen()).toBe(1);
    await db.consent.update({ where: { id: consent.id }, data: { validUntil: new Date(today.getTime() - DAY) } });
    expect(await seen()).toBe(0);
    const overview = await getConsentOverview({ actor: w.actors.SOCIAL, personId: w.person.id });
    expect(overview.consents.map((c) => [c.isActive, c.isLapsed])).toEqual([[false, true]]);
  });

  it("has nothing for managers and administrators, who hold no case work", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const)
      expect(await countTodo({ actor: w.actors[role], now: NOW })).toEqual(
        Object.fromEntries(TODO_KINDS.map((k) => [k, { overdue: 0, due: 0 }])),
      );
  });
});

describe("the daily digest", () => {
  it("is numbers and a link only: no name, personnummer or group of anyone", async () => {
    const { officer, person } = await officerWithWork();
    expect(await sendDigest({ userId: officer.id, mailer, now: NOW })).toBe("sent");
    const mail = await smtp.waitFor((m) => m.text?.includes("/todo") ?? false);
    expect([mail.to].flat().map((a) => a?.text)).toEqual([officer.email]);
    expect(mail.subject).toBe("Samverkan: 1 försenad, 1 att göra de närmaste dagarna");
    expect(mail.text).toContain("Uppföljningar: 1 försenade, 1 de närmaste dagarna");
    for (const secret of [
      "Hemlig",
      "Personsson",
      person.identityNumber!.slice(2, 8),
      person.identityNumber!.slice(8),
      officer.name,
    ])
      expect(mail.text).not.toContain(secret);
    expect(mail.html).toBe(false);
  });

  it("goes once per user and day, however often it is asked for; not when switched off or nothing is due", async () => {
    const { officer } = await officerWithWork();
    const results = await Promise.all([1, 2, 3].map(() => sendDigest({ userId: officer.id, mailer, now: NOW })));
    expect(results.sort()).toEqual(["already", "already", "sent"]);
    expect(await db.digestDelivery.count({ where: { userId: officer.id } })).toBe(1);

    const idle = await createUser(db, { siteId: w.site.id, role: "SOCIAL" });
    expect(await sendDigest({ userId: idle.id, mailer, now: NOW })).toBe("nothing");
    expect(await sendDigest({ userId: idle.id, mailer, now: NOW, force: true })).toBe("sent");

    const off = await officerWithWork();
    await setDigest({ actor: actorOf(off.officer), input: { enabled: false, version: off.officer.version } });
    expect(await sendDigest({ userId: off.officer.id, mailer, now: NOW })).toBe("off");
    expect(
      await db.auditEvent.count({ where: { entityType: "User", entityId: off.officer.id, action: "UPDATE" } }),
    ).toBe(1);
    await expect(
      setDigest({ actor: actorOf(off.officer), input: { enabled: true, version: off.officer.version } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await sendDigest({ userId: w.users.MANAGER.id, mailer, now: NOW, force: true })).toBe("notApplicable");
  });

  it("gives the day back when the mail cannot be sent, so the retry sends it", async () => {
    const { officer } = await officerWithWork();
    const failing: Mailer = { send: async () => Promise.reject(new Error("SMTP down")) };
    await expect(sendDigest({ userId: officer.id, mailer: failing, now: NOW })).rejects.toThrow("SMTP down");
    expect(await db.digestDelivery.count()).toBe(0);
    expect(await sendDigest({ userId: officer.id, mailer, now: NOW })).toBe("sent");
  });
});

describe("the job queue with two workers", () => {
  it('queues one job for a user\'s repeated "send it now" within ten minutes', async () => {
    const { officer } = await officerWithWork();
    // A worker creates the schema and queues; it does not poll here, so the jobs stay queued.
    workers.push(await startWorker({ connectionString: testDatabaseUrl(), mailer, pollingIntervalSeconds: 3600 }));
    const queued = async () =>
      (
        await db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND data->>'userId' = $2`,
          JOBS.digestUser.name,
          officer.id,
        )
      )[0]!.n;
    for (let i = 0; i < 3; i++) await enqueueDigestNow(officer.id);
    const other = await officerWithWork();
    await enqueueDigestNow(other.officer.id);
    expect(await queued()).toBe(1);
  });

  it("runs each job once: the digests queued twice go once each, the retention run anonymises once", async () => {
    const officers = await Promise.all([1, 2, 3, 4].map(() => officerWithWork()));
    const stale = await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      lastActivityAt: new Date(Date.now() - 40 * 30 * DAY),
    });
    for (let i = 0; i < 2; i++)
      workers.push(await startWorker({ connectionString: testDatabaseUrl(), mailer, pollingIntervalSeconds: 0.5 }));
    const [a, b] = workers;
    // Both workers declared the same schedules: one row each, not two.
    const schedules = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM ${JOB_SCHEMA}.schedule ORDER BY name`,
    );
    expect(schedules.map((s) => s.name)).toEqual([JOBS.digestDaily.name, JOBS.retention.name]);

    for (const { officer } of officers) {
      await a!.boss.send(JOBS.digestUser.name, { userId: officer.id });
      await b!.boss.send(JOBS.digestUser.name, { userId: officer.id });
    }
    await a!.boss.send(JOBS.retention.name, {});
    for (const { officer } of officers) await smtp.waitFor((m) => [m.to].flat().some((t) => t?.text === officer.email));
    await expect
      .poll(async () => db.person.count({ where: { id: stale.id, anonymisedAt: { not: null } } }), { timeout: 15_000 })
      .toBe(1);
    await expect
      .poll(
        async () =>
          (
            await db.$queryRawUnsafe<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE state NOT IN ('completed', 'failed')`,
            )
          )[0]!.n,
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(smtp.messages).toHaveLength(4);
    expect(await db.digestDelivery.count()).toBe(4);
    expect(await db.auditEvent.count({ where: { action: "ANONYMISE", personId: stale.id } })).toBe(1);
    const runs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state = 'completed'`,
      JOBS.retention.name,
    );
    expect(runs[0]!.n).toBe(1);
  });
});
