import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { inviteToCallIn, markAllAttended } from "@/lib/callins/mutations";
import { findInviteCandidates } from "@/lib/callins/queries";
import { ZInviteToCallIn, ZMarkAllAttended } from "@/lib/callins/schemas";
import { createCallIn, createCallInInvitee, createPerson } from "@/prisma/factories";
import { makeWorld, submitWith, type World } from "./fixtures";

/*
 * Call-in attendance (issue 15): "Markera alla som närvarande" for everyone still invited, and
 * inviting one person found by name on the call-in's page.
 */

let w: World;
let held: { id: string };
let third: { id: string };
beforeEach(async () => {
  w = await makeWorld();
  held = await createCallIn(db, { siteId: w.site.id, createdById: w.users.POLICE.id, createdByAgency: "POLICE" });
  third = await createPerson(db, {
    siteId: w.site.id,
    createdById: w.users.POLICE.id,
    firstName: "Tredje",
    lastName: "Zetterlund",
  });
});

type Actor = World["actors"]["POLICE"];
const markAll = (actor: Actor) => submitWith(ZMarkAllAttended, (input) => markAllAttended({ actor, input }));
const invite = (actor: Actor) => submitWith(ZInviteToCallIn, (input) => inviteToCallIn({ actor, input }));
const statuses = async (callInId: string) =>
  Object.fromEntries(
    (await db.callInInvitee.findMany({ where: { callInId }, select: { personId: true, status: true } })).map((i) => [
      i.personId,
      i.status,
    ]),
  );

describe("call-in attendance", () => {
  it("marks everyone still invited as attended in one step, keeps those absent or declined, audited with the people", async () => {
    await createCallInInvitee(db, { callInId: held.id, personId: w.person.id });
    await createCallInInvitee(db, { callInId: held.id, personId: w.secondPerson.id, status: "DECLINED" });
    await createCallInInvitee(db, { callInId: held.id, personId: third.id });
    await db.person.updateMany({ data: { lastActivityAt: new Date("2024-01-01T00:00:00Z") } });
    expect(await markAll(w.actors.PROBATION)({ callInId: held.id, version: "1" })).toEqual({ status: "success" });
    expect(await statuses(held.id)).toEqual({
      [w.person.id]: "ATTENDED",
      [w.secondPerson.id]: "DECLINED",
      [third.id]: "ATTENDED",
    });
    expect((await db.callIn.findUniqueOrThrow({ where: { id: held.id } })).version).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CallIn", action: "UPDATE" } });
    expect(audit).toMatchObject({ actorId: w.users.PROBATION.id, entityId: held.id });
    expect((audit.metadata as { markedAttendedPersonIds: string[] }).markedAttendedPersonIds.sort()).toEqual(
      [w.person.id, third.id].sort(),
    );
    // The retention clock of each person marked moves; the one who declined keeps theirs.
    const people = await db.person.findMany({
      where: { id: { in: [w.person.id, w.secondPerson.id, third.id] } },
      select: { id: true, lastActivityAt: true },
    });
    const moved = people.filter((p) => p.lastActivityAt && Date.now() - p.lastActivityAt.getTime() < 60_000);
    expect(moved.map((p) => p.id).sort()).toEqual([w.person.id, third.id].sort());

    // A page opened before: the conflict is explained and nothing changes.
    expect(await markAll(w.actors.POLICE)({ callInId: held.id, version: "1" })).toMatchObject({
      status: "error",
      formError: "conflict",
    });
  });

  it("refuses a meeting not yet held, and anyone who may not change call-ins", async () => {
    const ahead = await createCallIn(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      occurredAt: new Date(Date.now() + 7 * 86_400_000),
    });
    await createCallInInvitee(db, { callInId: ahead.id, personId: w.person.id });
    expect(await markAll(w.actors.POLICE)({ callInId: ahead.id, version: "1" })).toMatchObject({
      status: "error",
      formError: "notYetHeld",
    });
    expect(await statuses(ahead.id)).toEqual({ [w.person.id]: "INVITED" });
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      await expect(
        markAllAttended({ actor, input: ZMarkAllAttended.parse({ callInId: ahead.id, version: "1" }) }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(findInviteCandidates({ actor, callInId: held.id, q: "Tredje" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await db.auditEvent.count({ where: { entityType: "CallIn" } })).toBe(0);
  });

  it("finds the site's people by name through the people search, marks those invited, and invites one with 'Bjud in'", async () => {
    await createCallInInvitee(db, { callInId: held.id, personId: w.person.id });
    // Someone of another site with the same name is never found.
    await createPerson(db, {
      siteId: w.otherSite.id,
      createdById: w.otherActor.id,
      firstName: "Tredje",
      lastName: "Zetterlund",
    });
    expect(await findInviteCandidates({ actor: w.actors.SOCIAL, callInId: held.id, q: "" })).toBeNull();
    const found = await findInviteCandidates({ actor: w.actors.SOCIAL, callInId: held.id, q: "zetterlund" });
    expect(found).toMatchObject({ total: 1, items: [{ id: third.id, name: "Tredje Zetterlund", invited: false }] });
    // The search is the people search: audited as one.
    expect(
      await db.auditEvent.count({ where: { action: "SEARCH", entityType: "Person", actorId: w.users.SOCIAL.id } }),
    ).toBe(1);
    const already = await findInviteCandidates({ actor: w.actors.SOCIAL, callInId: held.id, q: "Testa" });
    expect(already!.items).toEqual([expect.objectContaining({ id: w.person.id, invited: true })]);

    expect(await invite(w.actors.SOCIAL)({ callInId: held.id, version: "1", personId: third.id })).toEqual({
      status: "success",
    });
    expect(await statuses(held.id)).toEqual({ [w.person.id]: "INVITED", [third.id]: "INVITED" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "CallIn", action: "UPDATE" } });
    expect(audit.metadata).toMatchObject({ addedPersonIds: [third.id], via: "nameSearch" });
    expect(
      (await findInviteCandidates({ actor: w.actors.SOCIAL, callInId: held.id, q: "zetterlund" }))!.items[0]!.invited,
    ).toBe(true);

    // Again: already invited (a field error beside the button); a stale page: the conflict.
    expect(await invite(w.actors.SOCIAL)({ callInId: held.id, version: "2", personId: third.id })).toMatchObject({
      status: "error",
      fieldErrors: { personId: "alreadyInvited" },
    });
    expect(
      await invite(w.actors.SOCIAL)({ callInId: held.id, version: "1", personId: w.secondPerson.id }),
    ).toMatchObject({
      status: "error",
      formError: "conflict",
    });
    // Another site's person is nobody here.
    expect(
      await invite(w.actors.SOCIAL)({ callInId: held.id, version: "2", personId: w.otherPerson.id }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { personId: "unknownPerson" },
    });
    await expect(
      inviteToCallIn({
        actor: w.actors.MANAGER,
        input: ZInviteToCallIn.parse({ callInId: held.id, version: "2", personId: w.secondPerson.id }),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.callInInvitee.count({ where: { callInId: held.id } })).toBe(2);
  });
});
