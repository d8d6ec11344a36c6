import { beforeEach, describe, expect, it } from "vitest";
import { handOverCaseload, handOverPeople } from "@/lib/assignments/mutations";
import { getHandoverOptions } from "@/lib/assignments/queries";
import { ZHandOverCaseload, ZHandOverPeople } from "@/lib/assignments/schemas";
import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createAssignment, createPerson, createUser } from "@/prisma/factories";
import { makeWorld, submitWith, type World } from "./fixtures";

/*
 * Handing a caseload over in one step (issue 15): chosen people of one's own caseload, or a leaving
 * colleague's whole caseload, to a colleague of the same agency and site; one transaction, audited
 * per person, the caseload gate asked for people on someone else's caseload.
 */

let w: World;
let social: Actor;
let colleague: Actor;
let leaver: Actor;
let people: { id: string }[];

beforeEach(async () => {
  w = await makeWorld();
  social = w.actors.SOCIAL;
  colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "SOCIAL", name: "Kollega Socialsekreterare" }));
  leaver = actorOf(await createUser(db, { siteId: w.site.id, role: "SOCIAL", name: "Lämnar Socialsekreterare" }));
  people = [w.person, w.secondPerson];
  for (const name of ["Tredje", "Fjärde"])
    people.push(await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id, firstName: name }));
});

const assign = (personId: string, user: Actor) =>
  createAssignment(db, { siteId: w.site.id, personId, userId: user.id, agency: user.agency! });
const active = async (user: Actor) =>
  (await db.assignment.findMany({ where: { userId: user.id, endedAt: null }, select: { personId: true } }))
    .map((a) => a.personId)
    .sort();
const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();

const handPeople = (actor: Actor) =>
  submitWith(ZHandOverPeople, (input) => handOverPeople({ actor, input }), ["personIds"]);
const handWhole = (actor: Actor) => submitWith(ZHandOverCaseload, (input) => handOverCaseload({ actor, input }));

describe("handing over a caseload", () => {
  it("moves only the chosen people of the actor's own caseload, in one step, audited per person", async () => {
    for (const p of people) await assign(p.id, social);
    // The police coordinate one of them too: another agency's assignment is never touched.
    await assign(people[0]!.id, w.actors.POLICE);
    const options = await getHandoverOptions({ actor: social });
    expect(ids(options!.people)).toEqual(ids(people));
    expect(options!.colleagues.map((c) => c.id).sort()).toEqual([colleague.id, leaver.id].sort());

    const chosen = [people[0]!.id, people[2]!.id];
    expect(await handPeople(social)({ personIds: chosen, toUserId: colleague.id })).toEqual({ status: "success" });
    expect(await active(colleague)).toEqual([...chosen].sort());
    expect(await active(social)).toEqual([people[1]!.id, people[3]!.id].sort());
    expect(await active(w.actors.POLICE)).toEqual([people[0]!.id]);

    const audits = await db.auditEvent.findMany({
      where: { entityType: "Assignment" },
      orderBy: { id: "asc" },
      select: { action: true, personId: true, actorId: true, metadata: true },
    });
    // Per person: the old assignment ended, the colleague's begun, each an event about that person.
    expect(audits).toHaveLength(4);
    for (const personId of chosen) {
      const about = audits.filter((a) => a.personId === personId);
      expect(about.map((a) => a.action)).toEqual(["UPDATE", "CREATE"]);
      expect(about.every((a) => a.actorId === social.id)).toBe(true);
      expect(about[0]!.metadata).toMatchObject({ handover: { toUserId: colleague.id }, access: "caseload" });
      expect(about[1]!.metadata).toMatchObject({ userId: colleague.id, handover: { fromUserId: social.id } });
    }
    // History is kept: ended rows stay.
    expect(await db.assignment.count({ where: { userId: social.id, endedAt: { not: null } } })).toBe(2);
  });

  it("answers with field errors and changes nothing: nobody chosen, another agency's user, someone not on the caseload", async () => {
    for (const p of people.slice(0, 2)) await assign(p.id, social);
    await assign(people[2]!.id, colleague);
    const before = await db.assignment.findMany({ orderBy: { id: "asc" } });
    const audits = await db.auditEvent.count();

    expect(await handPeople(social)({ toUserId: colleague.id })).toMatchObject({
      status: "error",
      fieldErrors: { personIds: "choosePeople" },
    });
    expect(await handPeople(social)({ personIds: [people[0]!.id], toUserId: "" })).toMatchObject({
      status: "error",
      fieldErrors: { toUserId: "chooseCoordinator" },
      values: { personIds: [people[0]!.id] },
    });
    // A probation officer (or the police) is not a colleague of social services.
    for (const other of [w.users.PROBATION.id, w.users.POLICE.id, w.otherActor.id])
      expect(await handPeople(social)({ personIds: [people[0]!.id], toUserId: other })).toMatchObject({
        status: "error",
        fieldErrors: { toUserId: "unknownCoordinator" },
      });
    // A person on a colleague's caseload is not the actor's to hand over with this form.
    expect(await handPeople(social)({ personIds: [people[0]!.id, people[2]!.id], toUserId: leaver.id })).toMatchObject({
      status: "error",
      fieldErrors: { personIds: "unknownPerson" },
    });
    expect(await handPeople(social)({ personIds: [people[0]!.id], toUserId: social.id })).toMatchObject({
      status: "error",
      fieldErrors: { toUserId: "sameCoordinator" },
    });
    expect(await db.assignment.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("reassigns a leaving colleague's whole caseload to another, with the gate's reason on every person's events", async () => {
    for (const p of people) await assign(p.id, leaver);
    // The successor already coordinates one of them: that one's old assignment just ends.
    await assign(people[1]!.id, colleague);
    // The leaver's account is closed first.
    await db.user.update({ where: { id: leaver.id }, data: { isActive: false } });
    const options = await getHandoverOptions({ actor: social });
    expect(options!.coordinators).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: leaver.id, isActive: false, caseload: 4 })]),
    );
    expect(options!.colleagues.map((c) => c.id)).toEqual([colleague.id]);

    expect(
      await handWhole(social)({ fromUserId: leaver.id, successorId: colleague.id, reasonCode: "OTHER" }),
    ).toMatchObject({ status: "error", fieldErrors: { reasonText: "reasonTextRequired" } });
    expect(
      await handWhole(social)({ fromUserId: leaver.id, successorId: leaver.id, reasonCode: "COVERING_COLLEAGUE" }),
    ).toMatchObject({ status: "error", fieldErrors: { successorId: "sameCoordinator" } });
    expect(
      await handWhole(social)({ fromUserId: leaver.id, successorId: colleague.id, reasonCode: "COVERING_COLLEAGUE" }),
    ).toEqual({ status: "success" });
    expect(await active(leaver)).toEqual([]);
    expect(await active(colleague)).toEqual(ids(people));
    expect(await db.assignment.count({ where: { userId: colleague.id } })).toBe(4);

    const audits = await db.auditEvent.findMany({
      where: { entityType: "Assignment" },
      select: { action: true, personId: true, reason: true, actorId: true },
    });
    for (const p of people) {
      const about = audits.filter((a) => a.personId === p.id);
      expect(about.map((a) => a.action)).toEqual(p.id === people[1]!.id ? ["UPDATE"] : ["UPDATE", "CREATE"]);
      expect(about.every((a) => a.reason === "COVERING_COLLEAGUE" && a.actorId === social.id)).toBe(true);
    }
    // The reason is the caseload gate's grant for each person too.
    expect(await db.auditEvent.count({ where: { entityType: "PersonAccess", actorId: social.id } })).toBe(4);
  });

  it("never reaches another agency's assignments, another agency's user or another site", async () => {
    for (const p of people.slice(0, 2)) await assign(p.id, leaver);
    const probation = actorOf(await createUser(db, { siteId: w.site.id, role: "PROBATION" }));
    await assign(people[2]!.id, probation);
    const before = await db.assignment.findMany({ orderBy: { id: "asc" } });
    // Probation cannot move social services' caseload, nor hand to a social secretary.
    expect(
      await handWhole(w.actors.PROBATION)({
        fromUserId: leaver.id,
        successorId: probation.id,
        reasonCode: "OTHER",
        reasonText: "slutar",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { fromUserId: "unknownCoordinator" } });
    expect(
      await handWhole(social)({ fromUserId: leaver.id, successorId: probation.id, reasonCode: "COVERING_COLLEAGUE" }),
    ).toMatchObject({ status: "error", fieldErrors: { successorId: "unknownCoordinator" } });
    // Another site: the leaver is not theirs; managers and administrators hold no assignments at all.
    const elsewhere = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "SOCIAL" }));
    const elsewhereToo = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "SOCIAL" }));
    expect(
      await handWhole(elsewhere)({
        fromUserId: leaver.id,
        successorId: elsewhereToo.id,
        reasonCode: "COVERING_COLLEAGUE",
      }),
    ).toMatchObject({ status: "error", fieldErrors: { fromUserId: "unknownCoordinator" } });
    await expect(
      handOverPeople({
        actor: elsewhere,
        input: ZHandOverPeople.parse({ personIds: [people[0]!.id], toUserId: elsewhereToo.id }),
      }),
    ).rejects.toMatchObject({ key: "unknownPerson" });
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN]) {
      expect(await getHandoverOptions({ actor })).toBeNull();
      await expect(
        handOverCaseload({
          actor,
          input: ZHandOverCaseload.parse({
            fromUserId: leaver.id,
            successorId: colleague.id,
            reasonCode: "OTHER",
            reasonText: "x",
          }),
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.assignment.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.auditEvent.count({ where: { entityType: "Assignment" } })).toBe(0);
  });
});
