import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { exportDashboardCsv, getDashboard, getDashboardFigures } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import sv from "@/messages/sv";
import {
  createAssignment,
  createFollowUp,
  createNotification,
  createPerson,
  createReferral,
  createSupportMeasure,
  createUser,
} from "@/prisma/factories";
import { giveConsent, makeWorld, type World } from "./fixtures";

const NOW = new Date("2020-10-01T10:00:00Z");
const SEPTEMBER = { period: "custom", from: "2020-09", to: "2020-09" };
const t = createTranslator({ locale: "sv", messages: sv, namespace: "dashboard" }) as unknown as (
  key: string,
  values?: Record<string, string | number>,
) => string;
const labels = createTranslator({ locale: "sv", messages: sv }) as unknown as (
  key: string,
  values?: Record<string, string | number>,
) => string;

let w: World;
let people: { id: string }[];

/**
 * Four people of the site notified in September 2020, three of them on the police officer's
 * caseload and referred to the defector programme within 90 days; a fifth person in the other site.
 */
beforeEach(async () => {
  w = await makeWorld();
  people = [w.person, w.secondPerson];
  for (let i = 0; i < 2; i++)
    people.push(await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id }));
  for (const [i, p] of people.entries()) {
    await createNotification(db, {
      siteId: w.site.id,
      personId: p.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      occurredAt: new Date(`2020-09-1${i}T10:00:00Z`),
      askedForHelpOnSite: i === 0,
    });
    if (i < 3) {
      await createAssignment(db, { siteId: w.site.id, personId: p.id, userId: w.users.POLICE.id, agency: "POLICE" });
      const referral = await createReferral(db, {
        siteId: w.site.id,
        personId: p.id,
        source: "CUSTOM_NOTIFICATION",
        referredAt: new Date(`2020-09-2${i}T09:00:00Z`),
        createdById: w.users.SOCIAL.id,
      });
      if (i === 0) {
        await createSupportMeasure(db, {
          siteId: w.site.id,
          referralId: referral.id,
          personId: p.id,
          type: "RELOCATION",
          status: "COMPLETED",
          startsOn: new Date("2020-09-20"),
          createdById: w.users.SOCIAL.id,
        });
      }
    }
  }
  await createNotification(db, {
    siteId: w.otherSite.id,
    personId: w.otherPerson.id,
    createdById: w.otherActor.id,
    createdByAgency: "POLICE",
    occurredAt: new Date("2020-09-15T10:00:00Z"),
  });
  await createFollowUp(db, {
    siteId: w.site.id,
    personId: w.person.id,
    agency: "PROBATION",
    assignedToId: w.users.PROBATION.id,
    dueOn: new Date("2020-09-20"),
  });
});

const dashboard = (actor: Actor, params: Record<string, unknown> = SEPTEMBER) =>
  getDashboard({ actor, params, now: NOW });
/** What the dashboard counts, before the page shows it as bands of five (docs/decisions/009). */
const figures = (actor: Actor, params: Record<string, unknown> = SEPTEMBER) =>
  getDashboardFigures({ actor, params, now: NOW });

describe("the manager's dashboard", () => {
  it("counts the whole site, never another site, and shows every count as its band of five", async () => {
    const exact = await figures(w.actors.MANAGER);
    expect(exact.current.notifications.soughtOut).toBe(4);
    expect(exact.previous!.notifications.soughtOut).toBe(0);
    expect(exact.current.notifications.askedForHelp).toBe(1);
    // Referred within 90 days of the notification (20–22 September); helped to move: one.
    expect(exact.current.funnel).toMatchObject({ referred: 3, askedForHelp: 1, relocated: 1 });
    expect(exact.current.programme!.measures!.RELOCATION).toEqual({ measures: 1, people: 1 });
    expect(exact.caseload.map((r) => [r.name, r.people])).toEqual([[w.users.POLICE.name, 3]]);
    expect(exact.overdue!.map((r) => [r.name, r.overdue])).toEqual([[w.users.PROBATION.name, 1]]);

    const { view, canExport } = await dashboard(w.actors.MANAGER);
    expect(view.audience).toBe("site");
    expect(canExport).toBe(true);
    expect(view.reach.soughtOut).toEqual({ current: "<5", previous: "<5", change: 0 });
    expect(view.funnel!.stages.find((s) => s.stage === "referred")).toMatchObject({ current: "<5", share: null });
    expect(view.funnel!.relocated!.current).toBe("<5");
    expect(view.supportMeasures!.find((m) => m.type === "RELOCATION")!.measures.current).toBe("<5");
    expect(view.caseload).toEqual([{ name: w.users.POLICE.name, agency: "POLICE", people: "<5" }]);
    expect(view.overdue).toEqual([{ name: w.users.PROBATION.name, agency: "PROBATION", overdue: "<5" }]);

    const other = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "MANAGER" }));
    const otherExact = await figures(other);
    expect(otherExact.current.notifications.soughtOut).toBe(1);
    expect(otherExact.caseload).toEqual([]);
    expect((await dashboard(other)).view.reach.soughtOut.current).toBe("<5");
  });

  it("does not count a referral made more than 90 days after the notification", async () => {
    await db.referral.updateMany({
      where: { personId: people[0]!.id },
      data: { referredAt: new Date("2021-01-15T09:00:00Z") },
    });
    expect((await figures(w.actors.MANAGER)).current.funnel!.referred).toBe(2);
  });

  it("is refused to the administrator, like a page that does not exist", async () => {
    await expect(dashboard(w.actors.ADMIN)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      exportDashboardCsv({ actor: w.actors.ADMIN, params: SEPTEMBER, section: "reach", t, labels, now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { entityType: "Statistics" } })).toBe(0);
  });

  it("exports a table as the page shows it, and audits the export", async () => {
    const file = await exportDashboardCsv({
      actor: w.actors.MANAGER,
      params: SEPTEMBER,
      section: "reach",
      t,
      labels,
      now: NOW,
    });
    expect(file.fileName).toBe("samverkan-reach-2020-09-01-2020-09-30.csv");
    const lines = file.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Mått;2020-09-01 – 2020-09-30;2020-08-01 – 2020-08-31;Förändring");
    expect(lines).toContain("Uppsökta personer (individuella samtal);<5;<5;0");
    expect(lines).toContain("Bad om hjälp på plats;<5;<5;0");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "EXPORT" } });
    expect(event).toMatchObject({ actorId: w.users.MANAGER.id, entityType: "Statistics" });
    expect(event.metadata).toMatchObject({ section: "reach", from: "2020-09-01", to: "2020-09-30" });
  });

  it("names referral steps, support measures and agencies by their one label in every table it exports", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
    });
    const firstColumn = async (section: string, column = 0) =>
      (await exportDashboardCsv({ actor: w.actors.MANAGER, params: SEPTEMBER, section, t, labels, now: NOW })).body
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(";")[column]);
    // The same words as the referral page, the timeline, the consent page and the extract.
    expect(await firstColumn("referrals")).toEqual(Object.values(sv.referralStatus));
    expect(await firstColumn("outcomes")).toEqual([
      sv.referralStatus.COMPLETED,
      sv.referralStatus.DISCONTINUED,
      sv.referralStatus.DECLINED,
    ]);
    expect(await firstColumn("supportMeasures")).toEqual(Object.values(sv.supportMeasureType));
    expect(await firstColumn("caseload", 1)).toContain("Frivården");
  });

  it("answers not found for an unknown export, and writes nothing", async () => {
    await expect(
      exportDashboardCsv({ actor: w.actors.MANAGER, params: SEPTEMBER, section: "people", t, labels, now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { action: "EXPORT" } })).toBe(0);
  });

  it("shows bad custom months as field errors and the default period instead", async () => {
    const { query, view } = await dashboard(w.actors.MANAGER, { period: "custom", from: "2020-09", to: "2020-08" });
    expect(query.fieldErrors).toEqual({ to: "toBeforeFrom" });
    expect(query.values).toMatchObject({ from: "2020-09", to: "2020-08" });
    expect(view.periods.current).toMatchObject({ kind: "month", from: "2020-10-01" });
  });

  it("takes custom ranges in whole months only: a range of days, the attacker's single day, is refused", async () => {
    for (const days of [
      { from: "2020-09-01", to: "2020-09-20" },
      { from: "2020-09-21", to: "2020-09-21" },
    ]) {
      const { query, view } = await dashboard(w.actors.MANAGER, { period: "custom", ...days });
      expect(query.fieldErrors).toEqual({ from: "invalidMonth", to: "invalidMonth" });
      expect(view.periods.current.kind).toBe("month");
    }
    const { view } = await dashboard(w.actors.MANAGER, { period: "custom", from: "2020-08", to: "2020-09" });
    expect(view.periods.current).toMatchObject({ kind: "custom", from: "2020-08-01", to: "2020-09-30" });
    expect(view.periods.previous).toMatchObject({ from: "2020-06-01", to: "2020-07-31" });
  });
});

describe("an agency user's dashboard: their own caseload", () => {
  it("counts only the police officer's caseload, referrals only with consent, no support measures or follow-ups", async () => {
    const { view, canExport } = await dashboard(w.actors.POLICE);
    expect(view.audience).toBe("caseload");
    expect(canExport).toBe(false);
    const exact = await figures(w.actors.POLICE);
    expect(exact.current.notifications.soughtOut).toBe(3);
    expect(exact.current.funnel!.referred).toBe(0);
    expect(view.funnel!.relocated).toBeNull();
    expect(view.supportMeasures).toBeNull();
    expect(view.overdue).toBeNull();
    expect(exact.caseload.map((r) => [r.name, r.people])).toEqual([[w.users.POLICE.name, 3]]);
    expect(view.caseload).toEqual([{ name: w.users.POLICE.name, agency: "POLICE", people: "<5" }]);

    // Consent naming social services and the police lets the police count the referrals' status.
    for (const p of people.slice(0, 3)) {
      await giveConsent(w, p.id, ["SOCIAL", "POLICE"], { givenOn: new Date("2020-09-01") });
    }
    const withConsent = await figures(w.actors.POLICE);
    expect(withConsent.current.funnel!.referred).toBe(3);
    expect(withConsent.current.programme!.referred.REFERRED).toBe(3);

    // Withdrawn, it stops counting at once.
    await db.consent.updateMany({ data: { withdrawnAt: new Date() } });
    expect((await figures(w.actors.POLICE)).current.funnel!.referred).toBe(0);
  });

  it("gives a probation officer their own overdue follow-ups and nothing of an empty caseload", async () => {
    const exact = await figures(w.actors.PROBATION);
    expect(exact.current.notifications.soughtOut).toBe(0);
    expect(exact.overdue!.map((r) => [r.name, r.overdue])).toEqual([[w.users.PROBATION.name, 1]]);
    const { view } = await dashboard(w.actors.PROBATION);
    expect(view.overdue).toEqual([{ name: w.users.PROBATION.name, agency: "PROBATION", overdue: "<5" }]);
    expect(view.caseload).toEqual([]);
  });

  it("lets an agency user read but not export, and audits the read with the caseload audience", async () => {
    await dashboard(w.actors.SOCIAL);
    await expect(
      exportDashboardCsv({ actor: w.actors.SOCIAL, params: SEPTEMBER, section: "reach", t, labels, now: NOW }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const events = await db.auditEvent.findMany({ where: { entityType: "Statistics" } });
    expect(events.map((e) => [e.action, (e.metadata as { audience: string }).audience])).toEqual([
      ["READ", "caseload"],
    ]);
  });
});
