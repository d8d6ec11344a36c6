import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { personWhere } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { getRetentionMonths, listRetentionReview } from "@/lib/retention/queries";
import { anonymisePerson, keepPerson, setRetentionMonths } from "@/lib/retention/mutations";
import { runRetention } from "@/lib/retention/job";
import { ZRetentionMonths } from "@/lib/retention/schemas";
import sv from "@/messages/sv";
import { giveConsent, makeWorld, recordsOfEveryKind, submitWith, type World } from "./fixtures";
import { createAssignment, createReferral } from "@/prisma/factories";
import { testDatabaseUrl } from "./database";

let w: World;
const now = new Date("2026-11-25T12:00:00Z");
const longAgo = new Date("2023-01-01T12:00:00Z"); // more than 36 months before `now`
const soon = new Date("2023-12-10T12:00:00Z"); // falls due within the review's 60 days
beforeEach(async () => {
  w = await makeWorld();
});

async function aggregates() {
  const [
    notifications,
    referrals,
    supportMeasures,
    followUps,
    enforcement,
    incidents,
    incidentPeople,
    invitees,
    consents,
  ] = await Promise.all([
    db.customNotification.count({ where: { personId: w.person.id } }),
    db.referral.groupBy({ by: ["status"], _count: { _all: true } }),
    db.supportMeasure.groupBy({ by: ["type", "status"], _count: { _all: true } }),
    db.followUp.count(),
    db.enforcementAction.groupBy({ by: ["type"], _count: { _all: true } }),
    db.incident.count(),
    db.incidentPerson.count(),
    db.callInInvitee.groupBy({ by: ["status"], _count: { _all: true } }),
    db.consent.count(),
  ]);
  return {
    notifications,
    referrals,
    supportMeasures,
    followUps,
    enforcement,
    incidents,
    incidentPeople,
    invitees,
    consents,
  };
}

describe("the retention review", () => {
  it("lists people due and falling due, oldest first, with open matters", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: longAgo } });
    await db.person.update({ where: { id: w.secondPerson.id }, data: { lastActivityAt: soon } });
    await createReferral(db, {
      siteId: w.site.id,
      personId: w.person.id,
      source: "SELF",
      referredAt: longAgo,
      createdById: w.users.SOCIAL.id,
    });
    const review = await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now });
    expect(review).toMatchObject({ months: 36, total: 2, dueCount: 1 });
    expect(review.items.map((r) => [r.name, r.isDue, r.openReferrals])).toEqual([
      ["Testa Testsson", true, 1],
      ["Andra Personsson", false, 0],
    ]);
    expect(await db.auditEvent.count({ where: { entityType: "RetentionReview", actorId: w.users.ADMIN.id } })).toBe(1);
  });

  it("follows the configured period, and logs the change", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: new Date("2025-06-01T00:00:00Z") } });
    expect((await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now })).dueCount).toBe(0);
    await setRetentionMonths({ actor: w.actors.ADMIN, input: { months: 12, version: 0 } });
    expect((await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now })).dueCount).toBe(1);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityType: "SystemSetting" } })).toMatchObject({
      action: "UPDATE",
      metadata: { months: 12, previous: 36 },
    });
  });

  it("refuses a stale save of the period (optimistic locking), in Swedish, keeping what was typed", async () => {
    const shown = await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now });
    expect(shown).toMatchObject({ months: 36, monthsVersion: 0 });
    // Two administrators opened the page; the first saves, then the second.
    await setRetentionMonths({ actor: w.actors.ADMIN, input: { months: 24, version: shown.monthsVersion } });
    await expect(
      setRetentionMonths({ actor: w.actors.ADMIN, input: { months: 60, version: shown.monthsVersion } }),
    ).rejects.toBeInstanceOf(ConflictError);
    const state = await submitWith(ZRetentionMonths, (input) => setRetentionMonths({ actor: w.actors.ADMIN, input }))({
      months: "60",
      version: "0",
    });
    expect(state).toMatchObject({ status: "error", formError: "conflict", values: { months: "60" } });
    expect(sv.errors.conflict).toMatch(/Någon annan har ändrat/);
    expect(await getRetentionMonths()).toBe(24);
    expect(await db.auditEvent.count({ where: { entityType: "SystemSetting" } })).toBe(1);

    const next = await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now });
    expect(next).toMatchObject({ months: 24, monthsVersion: 1 });
    await setRetentionMonths({ actor: w.actors.ADMIN, input: { months: 60, version: 1 } });
    await expect(
      setRetentionMonths({ actor: w.actors.ADMIN, input: { months: 12, version: 1 } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await getRetentionMonths()).toBe(60);
  });

  it("anonymises: identity and free text gone, figures unchanged, the row kept and hidden, the event logged without the data", async () => {
    await recordsOfEveryKind(w);
    await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"]);
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    await db.person.update({
      where: { id: w.person.id },
      data: {
        lastActivityAt: longAgo,
        aliases: ["Blixten"],
        hasProtectedIdentity: true,
        protectedTown: "Ort",
        protectedAddress: "Gatan 1",
      },
    });
    const before = await aggregates();
    const { version } = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });

    await anonymisePerson({ actor: w.actors.ADMIN, input: { personId: w.person.id, version }, now });

    const person = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({
      firstName: "",
      lastName: "",
      identityNumber: null,
      identityNumberKind: null,
      aliases: [],
      hasProtectedIdentity: false,
      protectedTown: null,
      protectedAddress: null,
      anonymisedAt: now,
      status: "ACTIVE",
      version: version + 1,
    });
    expect(person.birthDate?.toISOString()).toBe(`${w.person.birthDate!.getUTCFullYear()}-01-01T00:00:00.000Z`);
    expect(await aggregates()).toEqual(before);

    const texts = JSON.stringify(
      await Promise.all([
        db.customNotification.findMany({ where: { personId: w.person.id } }),
        db.referralStatusChange.findMany(),
        db.supportMeasure.findMany({ where: { personId: w.person.id } }),
        db.followUp.findMany({ where: { personId: w.person.id } }),
        db.enforcementAction.findMany({ where: { personId: w.person.id } }),
        db.consent.findMany({ where: { personId: w.person.id } }),
      ]),
    );
    for (const text of ["fritext", "Skyddad ort", "DOK-1", "Sluta skjut", "Testsson", w.person.identityNumber!])
      expect(texts).not.toContain(text);
    expect(await db.internalNote.count()).toBe(0);
    expect(await db.assignment.count({ where: { personId: w.person.id, endedAt: null } })).toBe(0);

    // Every authz builder leaves anonymised people out.
    expect(await db.person.count({ where: { AND: [personWhere(w.actors.POLICE), { id: w.person.id }] } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "ANONYMISE" } });
    expect(event).toMatchObject({
      actorId: w.users.ADMIN.id,
      personId: w.person.id,
      entityId: w.person.id,
      metadata: { trigger: "review", months: 36 },
    });
    expect(JSON.stringify(event.metadata)).not.toMatch(/Testa|Testsson|fritext|NOT/);
    expect((event.metadata as { cleared: Record<string, number> }).cleared).toMatchObject({
      notifications: 1,
      internalNotesDeleted: 2,
      assignmentsEnded: 1,
    });
  });

  it("refuses people not yet due, stale versions, other sites and everyone but ADMIN", async () => {
    // Someone saved the person (version 2) after the reviewer loaded the list (version 1).
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: longAgo, version: 2 } });
    await expect(
      anonymisePerson({ actor: w.actors.ADMIN, input: { personId: w.secondPerson.id, version: 1 }, now }),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(
      anonymisePerson({ actor: w.actors.ADMIN, input: { personId: w.person.id, version: 1 }, now }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      anonymisePerson({ actor: w.actors.ADMIN, input: { personId: w.otherPerson.id, version: 1 }, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(
        anonymisePerson({ actor: w.actors[role], input: { personId: w.person.id, version: 2 }, now }),
        role,
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(listRetentionReview({ actor: w.actors[role], page: 1, now }), role).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await db.person.count({ where: { anonymisedAt: { not: null } } })).toBe(0);
  });

  it("keeps a person for another period, as the review's activity", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: longAgo } });
    await keepPerson({ actor: w.actors.ADMIN, input: { personId: w.person.id, version: 1 }, now });
    expect(await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).toMatchObject({
      lastActivityAt: now,
      version: 2,
      anonymisedAt: null,
    });
    expect((await listRetentionReview({ actor: w.actors.ADMIN, page: 1, now })).total).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityType: "Person" } })).toMatchObject({
      metadata: { retention: "kept" },
    });
  });
});

describe("the scheduled retention run", () => {
  it("--dry-run lists, --apply anonymises whoever is due, with a site's ANONYMISE event and no actor", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: longAgo } });
    await db.person.update({ where: { id: w.otherPerson.id }, data: { lastActivityAt: longAgo } });
    const dry = await runRetention({ apply: false, now });
    expect(dry.due.map((d) => d.personId).sort()).toEqual([w.person.id, w.otherPerson.id].sort());
    expect(dry.anonymised).toBe(0);
    expect(await db.person.count({ where: { anonymisedAt: { not: null } } })).toBe(0);

    const applied = await runRetention({ apply: true, now });
    expect(applied.anonymised).toBe(2);
    expect(await db.person.count({ where: { anonymisedAt: { not: null } } })).toBe(2);
    const events = await db.auditEvent.findMany({ where: { action: "ANONYMISE" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorId, e.siteId, e.personId]).sort()).toEqual(
      [
        [null, w.site.id, w.person.id],
        [null, w.otherSite.id, w.otherPerson.id],
      ].sort(),
    );
    // A second run finds nobody: anonymised people are not due again.
    expect((await runRetention({ apply: true, now })).due).toEqual([]);
  });

  it("`npm run retention` runs from the command line", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { lastActivityAt: new Date("2000-01-01T00:00:00Z") } });
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "silent" };
    const tsx = path.resolve("node_modules/.bin/tsx");
    const args = ["--conditions=react-server", path.resolve("scripts/retention.ts")];
    const dry = await run(tsx, [...args, "--dry-run"], { env });
    expect(dry.stdout).toContain(w.person.id);
    expect(dry.stdout).toContain("1 due; nothing changed (dry run).");
    expect(dry.stdout).not.toContain("Testsson");
    const refused = await run(tsx, args, { env }).catch((e: { code: number }) => e);
    expect(refused).toMatchObject({ code: 2 });
    const applied = await run(tsx, [...args, "--apply", "--months", "24"], { env });
    expect(applied.stdout).toContain("Anonymised 1 of 1.");
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).anonymisedAt).not.toBeNull();
  }, 90_000);
});
