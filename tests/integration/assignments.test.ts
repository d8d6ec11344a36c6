import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError, requirePersonAccess } from "@/lib/caseload-gate";
import { addAssignment, endAssignment } from "@/lib/assignments/mutations";
import { getCoordinators } from "@/lib/assignments/queries";
import { ZAddAssignment, ZEndAssignment } from "@/lib/assignments/schemas";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findCaseload } from "@/lib/people/queries";
import { createAssignment, createUser } from "@/prisma/factories";
import { makeWorld, submitWith, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
let colleague: Actor;
beforeEach(async () => {
  w = await makeWorld();
  colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "SOCIAL", name: "Kollega Socialsekreterare" }));
});

/** The caseload gate: the actor says why before working on someone not on their caseload. */
const giveReason = (actor: Actor, personId = w.person.id) =>
  requirePersonAccess({ actor, personId, reason: { code: "JOINT_PLANNING" } });

const add = (actor: () => Actor) => submitWith(ZAddAssignment, (input) => addAssignment({ actor: actor(), input }));
const end = (actor: () => Actor) => submitWith(ZEndAssignment, (input) => endAssignment({ actor: actor(), input }));

const counts = async () => ({
  assignments: await db.assignment.count(),
  active: await db.assignment.count({ where: { endedAt: null } }),
  audits: await db.auditEvent.count({ where: { entityType: "Assignment" } }),
});

/** What the dashboard reads: the trigger-kept summary, which must agree with a rebuild from scratch. */
async function caseloadCounts() {
  const read = async () =>
    (
      await db.caseloadCount.findMany({
        where: { people: { not: 0 } },
        orderBy: [{ agency: "asc" }, { userId: "asc" }],
      })
    ).map((r) => `${r.userId}:${r.agency}:${r.people}`);
  const kept = await read();
  await db.$executeRaw`SELECT dashboard_rebuild_caseload_counts()`;
  expect(await read()).toEqual(kept);
  return kept;
}

describe("taking on a person, handing over, ending", () => {
  it("a social secretary takes the person on, hands over to a colleague, and every step is audited and counted", async () => {
    const social = w.actors.SOCIAL;
    await giveReason(social);
    expect(await add(() => social)({ personId: w.person.id, userId: social.id })).toEqual({ status: "success" });
    const mine = await db.assignment.findFirstOrThrow({ where: { userId: social.id } });
    expect(mine).toMatchObject({
      personId: w.person.id,
      agency: "SOCIAL",
      createdById: social.id,
      endedAt: null,
      siteId: w.site.id,
    });
    expect((await findCaseload({ actor: social, page: 1 })).items.map((p) => p.id)).toEqual([w.person.id]);
    expect(await caseloadCounts()).toEqual([`${social.id}:SOCIAL:1`]);

    // Hand-over: add the colleague, then end one's own assignment (now on the caseload: no reason asked).
    expect(await add(() => social)({ personId: w.person.id, userId: colleague.id })).toEqual({ status: "success" });
    expect(await end(() => social)({ assignmentId: mine.id })).toEqual({ status: "success" });

    expect((await findCaseload({ actor: social, page: 1 })).total).toBe(0);
    expect((await findCaseload({ actor: colleague, page: 1 })).items.map((p) => p.id)).toEqual([w.person.id]);
    expect((await caseloadCounts()).sort()).toEqual([`${colleague.id}:SOCIAL:1`]);
    const rows = await db.assignment.findMany({ orderBy: { assignedAt: "asc" } });
    expect(rows).toHaveLength(2); // history kept, never deleted
    expect(rows[0]!.endedAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ userId: colleague.id, createdById: social.id, endedAt: null });

    const audits = await db.auditEvent.findMany({ where: { entityType: "Assignment" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.entityId, a.personId, a.actorId])).toEqual([
      ["CREATE", mine.id, w.person.id, social.id],
      ["CREATE", rows[1]!.id, w.person.id, social.id],
      ["UPDATE", mine.id, w.person.id, social.id],
    ]);
    // Each with the basis of access: a reason before the person was on the caseload, the caseload after.
    expect(audits.map((a) => a.metadata)).toEqual([
      { agency: "SOCIAL", userId: social.id, self: true, access: "reason" },
      { agency: "SOCIAL", userId: colleague.id, self: false, access: "caseload" },
      { fields: ["endedAt"], agency: "SOCIAL", userId: social.id, self: true, access: "caseload" },
    ]);
    expect(JSON.stringify(audits.map((a) => [a.metadata, a.reason]))).not.toContain("Kollega");
  });

  it("lists current and former coordinators per agency, with only the actor's agency to change, and audits the read", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    const ended = await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    await db.assignment.update({ where: { id: ended.id }, data: { endedAt: new Date("2026-02-01T10:00:00Z") } });
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: colleague.id, agency: "SOCIAL" });

    await giveReason(w.actors.SOCIAL);
    const overview = await getCoordinators({ actor: w.actors.SOCIAL, personId: w.person.id });
    const social = overview.byAgency.find((a) => a.agency === "SOCIAL")!;
    expect(social.current.map((a) => a.user.id)).toEqual([colleague.id]);
    expect(social.former.map((a) => a.user.id)).toEqual([w.users.SOCIAL.id]);
    expect(overview.byAgency.find((a) => a.agency === "POLICE")!.current.map((a) => a.user.id)).toEqual([
      w.users.POLICE.id,
    ]);
    expect(overview.byAgency.find((a) => a.agency === "PROBATION")!.current).toEqual([]);
    expect(overview.ownAgency).toBe("SOCIAL");
    expect(overview.isCoordinator).toBe(false);
    // Only SOCIAL colleagues, and not those already coordinating.
    expect(overview.colleagues.map((c) => c.id)).toEqual([w.users.SOCIAL.id]);
    const read = await db.auditEvent.findFirstOrThrow({ where: { entityType: "PersonCoordinators" } });
    expect(read).toMatchObject({
      action: "READ",
      personId: w.person.id,
      actorId: w.users.SOCIAL.id,
      reason: expect.any(String),
    });
  });

  it("asks for a reason outside the caseload, and hides the person from managers, admins and other sites", async () => {
    await expect(getCoordinators({ actor: w.actors.PROBATION, personId: w.person.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    await expect(
      addAssignment({ actor: w.actors.PROBATION, input: { personId: w.person.id, userId: w.users.PROBATION.id } }),
    ).rejects.toBeInstanceOf(AccessReasonRequiredError);
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      await expect(getCoordinators({ actor, personId: w.person.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(addAssignment({ actor, input: { personId: w.person.id, userId: actor.id } })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    await expect(getCoordinators({ actor: w.actors.POLICE, personId: "not-a-uuid" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.assignment.count()).toBe(0);
  });
});

describe("only an agency changes its own coordinators", () => {
  it("refuses a colleague of another agency or site, an inactive one, and a second active assignment; nothing changes", async () => {
    const social = w.actors.SOCIAL;
    await giveReason(social);
    const inactive = await createUser(db, { siteId: w.site.id, role: "SOCIAL", isActive: false });
    const elsewhere = await createUser(db, { siteId: w.otherSite.id, role: "SOCIAL" });
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: colleague.id, agency: "SOCIAL" });
    const before = await counts();
    for (const userId of [
      w.users.POLICE.id,
      w.users.PROBATION.id,
      w.users.MANAGER.id,
      inactive.id,
      elsewhere.id,
      UNKNOWN_ID,
    ]) {
      expect(await add(() => social)({ personId: w.person.id, userId })).toMatchObject({
        status: "error",
        fieldErrors: { userId: "unknownCoordinator" },
      });
    }
    expect(await add(() => social)({ personId: w.person.id, userId: colleague.id })).toMatchObject({
      status: "error",
      fieldErrors: { userId: "alreadyCoordinator" },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input with a clear error: no coordinator chosen, malformed and unknown ids", async () => {
    const social = w.actors.SOCIAL;
    const before = await counts();
    expect(await add(() => social)({ personId: w.person.id, userId: "" })).toMatchObject({
      status: "error",
      fieldErrors: { userId: "chooseCoordinator" },
      values: { userId: "" },
    });
    expect(await add(() => social)({ personId: w.person.id, userId: "'; --" })).toMatchObject({
      status: "error",
      fieldErrors: { userId: "invalid" },
    });
    expect(await add(() => social)({ personId: "x", userId: social.id })).toMatchObject({
      status: "error",
      fieldErrors: { personId: "invalid" },
    });
    expect(await add(() => social)({ personId: UNKNOWN_ID, userId: social.id })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await add(() => social)({ personId: w.otherPerson.id, userId: social.id })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await end(() => social)({ assignmentId: UNKNOWN_ID })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await end(() => social)({ assignmentId: "nope" })).toMatchObject({
      status: "error",
      fieldErrors: { assignmentId: "invalid" },
    });
    expect(await counts()).toEqual(before);
  });

  it("lets nobody end another agency's assignment: it is not found for them", async () => {
    const police = await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    await giveReason(w.actors.SOCIAL);
    expect(await end(() => w.actors.SOCIAL)({ assignmentId: police.id })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    await expect(endAssignment({ actor: w.actors.MANAGER, input: { assignmentId: police.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(endAssignment({ actor: w.otherActor, input: { assignmentId: police.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await db.assignment.findUniqueOrThrow({ where: { id: police.id } })).endedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "Assignment" } })).toBe(0);
    // A colleague of the same agency may end it (a hand-over when the coordinator is away).
    const police2 = actorOf(await createUser(db, { siteId: w.site.id, role: "POLICE" }));
    await giveReason(police2);
    expect(await end(() => police2)({ assignmentId: police.id })).toEqual({ status: "success" });
    expect(await end(() => police2)({ assignmentId: police.id })).toMatchObject({
      status: "error",
      formError: "alreadyEnded",
    });
  });
});

describe("two saves at once", () => {
  it("taking on and being added at the same moment make one assignment, and the other save is told", async () => {
    await giveReason(w.actors.SOCIAL);
    await giveReason(colleague);
    const results = await Promise.all([
      add(() => w.actors.SOCIAL)({ personId: w.person.id, userId: w.users.SOCIAL.id }),
      add(() => colleague)({ personId: w.person.id, userId: w.users.SOCIAL.id }),
      add(() => w.actors.SOCIAL)({ personId: w.person.id, userId: w.users.SOCIAL.id }),
    ]);
    expect(results.filter((r) => r.status === "success")).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== "success"))
      expect(r).toMatchObject({ status: "error", fieldErrors: { userId: "alreadyCoordinator" } });
    expect(await db.assignment.count({ where: { userId: w.users.SOCIAL.id, endedAt: null } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "Assignment" } })).toBe(1);
    expect(await caseloadCounts()).toEqual([`${w.users.SOCIAL.id}:SOCIAL:1`]);
  });

  it("the database itself refuses a second active assignment of the same person and user, but keeps any number of ended ones", async () => {
    const first = await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    await expect(
      createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users.POLICE.id, agency: "POLICE" }),
    ).rejects.toMatchObject({ code: "P2002" });
    await db.assignment.update({ where: { id: first.id }, data: { endedAt: new Date() } });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    expect(await db.assignment.count({ where: { personId: w.person.id, userId: w.users.POLICE.id } })).toBe(2);
  });

  it("two simultaneous ends of one assignment end it once", async () => {
    // The loser may be off the caseload by the time it checks: it then needs a reason, given before
    // the assignment (on the caseload, the gate records no reason: it needs none).
    await giveReason(w.actors.SOCIAL);
    const a = await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    const results = await Promise.all([
      end(() => w.actors.SOCIAL)({ assignmentId: a.id }),
      end(() => w.actors.SOCIAL)({ assignmentId: a.id }),
    ]);
    expect(results.filter((r) => r.status === "success")).toHaveLength(1);
    expect(results.find((r) => r.status !== "success")).toMatchObject({ formError: "alreadyEnded" });
    expect(await db.auditEvent.count({ where: { entityType: "Assignment", action: "UPDATE" } })).toBe(1);
    expect(await caseloadCounts()).toEqual([]);
  });
});
