import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError, requirePersonAccess } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import { editEnforcementAction, getEnforcementAction, getEnforcementForEdit } from "@/lib/enforcement/edit";
import { ZEditEnforcement } from "@/lib/enforcement/schemas";
import { NotFoundError } from "@/lib/errors";
import { createEnforcementAction, createGroup } from "@/prisma/factories";
import { assignAll, makeWorld, submitWith, typedDateTime, UNKNOWN_ID, type World } from "./fixtures";

let w: World;
let actionId: string;
let groupId: string;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
  groupId = (await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id })).id;
  actionId = (
    await createEnforcementAction(db, {
      siteId: w.site.id,
      personId: w.person.id,
      type: "WEAPON_SEIZURE",
      occurredAt: new Date("2026-03-05T06:00:00Z"),
      description: "Vapen i bilen.",
      createdById: w.users.POLICE.id,
    })
  ).id;
});

const edit = (actor = () => w.actors.POLICE) =>
  submitWith(ZEditEnforcement, (input) => editEnforcementAction({ actor: actor(), input }));
const fields = (change: Record<string, string | undefined> = {}) => ({
  id: actionId,
  version: "1",
  hasPerson: "on",
  groupId: "",
  type: "WEAPON_SEIZURE",
  occurredAt: "2026-03-05T07:00",
  description: "Vapen i bilen.",
  ...change,
});
const stored = () => db.enforcementAction.findUniqueOrThrow({ where: { id: actionId } });
const editAudits = () => db.auditEvent.findMany({ where: { action: "UPDATE" }, orderBy: { id: "asc" } });

describe("correcting an enforcement action", () => {
  it("saves the corrected fields, bumps the version and audits the changed field names only", async () => {
    expect(await edit()(fields({ type: "SEARCH", groupId, description: "Husrannsakan, inget vapen." }))).toEqual({
      status: "success",
    });
    expect(await stored()).toMatchObject({
      type: "SEARCH",
      groupId,
      description: "Husrannsakan, inget vapen.",
      version: 2,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
    });
    const audits = await editAudits();
    expect(audits.map((a) => [a.entityType, a.entityId, a.personId, a.actorId])).toEqual([
      ["EnforcementAction", actionId, w.person.id, w.users.POLICE.id],
    ]);
    expect(audits[0]!.metadata).toEqual({
      fields: ["groupId", "type", "description"],
      type: "SEARCH",
      groupId,
      setDeprivedOfLiberty: false,
      access: "caseload",
    });
    expect(JSON.stringify(audits[0]!.metadata)).not.toContain("Husrannsakan");
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).status).toBe("ACTIVE");
  });

  it("shows the action to the police with an audited read", async () => {
    const detail = await getEnforcementAction({ actor: w.actors.POLICE, id: actionId });
    expect(detail).toMatchObject({
      id: actionId,
      type: "WEAPON_SEIZURE",
      version: 1,
      person: { id: w.person.id, name: "Testa Testsson", status: "ACTIVE" },
      group: null,
    });
    expect(
      await db.auditEvent.count({
        where: { action: "READ", entityType: "EnforcementAction", entityId: actionId, personId: w.person.id },
      }),
    ).toBe(1);
    const forEdit = await getEnforcementForEdit({ actor: w.actors.POLICE, id: actionId });
    expect(forEdit.groups.map((g) => g.id)).toEqual([groupId]);
  });

  it("a stale save is a conflict that keeps the user's input and changes nothing", async () => {
    expect(await edit()(fields({ description: "Först" }))).toEqual({ status: "success" });
    const state = await edit()(fields({ description: "Min rättelse", type: "ARREST" }));
    expect(state).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { description: "Min rättelse", type: "ARREST", version: "1" },
    });
    expect(await stored()).toMatchObject({ description: "Först", type: "WEAPON_SEIZURE", version: 2 });
    expect(await editAudits()).toHaveLength(1);
  });

  it("two saves of the same version at once: one wins, the other is told", async () => {
    const results = await Promise.all([edit()(fields({ description: "A" })), edit()(fields({ description: "B" }))]);
    expect(results.map((r) => r.status).sort()).toEqual(["error", "success"]);
    expect(results.find((r) => r.status === "error")).toMatchObject({ formError: "conflict" });
    expect((await stored()).version).toBe(2);
    expect(await editAudits()).toHaveLength(1);
  });

  it("marks the person deprived of liberty when an edit says so, under the recording rules", async () => {
    expect(await edit()(fields({ type: "WEAPON_SEIZURE", setDeprivedOfLiberty: "on" }))).toMatchObject({
      fieldErrors: { setDeprivedOfLiberty: "typeDoesNotDeprive" },
    });
    expect(
      await edit()(fields({ type: "DETENTION", occurredAt: "2026-03-06T09:30", setDeprivedOfLiberty: "on" })),
    ).toEqual({ status: "success" });
    const person = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({ status: "DEPRIVED_OF_LIBERTY", version: 2 });
    expect(person.statusSince.toISOString()).toBe("2026-03-06T08:30:00.000Z");
    expect((await editAudits()).map((a) => `${a.entityType}`)).toEqual(["Person", "EnforcementAction"]);
  });

  it("never moves the status back: a detention corrected to a search leaves the person deprived of liberty", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { status: "DEPRIVED_OF_LIBERTY" } });
    expect(await edit()(fields({ type: "SEARCH" }))).toEqual({ status: "success" });
    expect((await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).status).toBe("DEPRIVED_OF_LIBERTY");
  });

  it("refuses to mark a deceased person deprived of liberty, and the edit rolls back with it", async () => {
    await db.person.update({ where: { id: w.person.id }, data: { status: "DECEASED" } });
    expect(await edit()(fields({ type: "ARREST", description: "Ändrad", setDeprivedOfLiberty: "on" }))).toMatchObject({
      fieldErrors: { setDeprivedOfLiberty: "personDeceased" },
    });
    expect(await stored()).toMatchObject({ type: "WEAPON_SEIZURE", description: "Vapen i bilen.", version: 1 });
    expect(await editAudits()).toHaveLength(0);
  });

  it.each([
    ["a date in the future", { occurredAt: typedDateTime(1) }, { occurredAt: "futureDate" }],
    ["an unknown type", { type: "FINE" }, { type: "required" }],
    ["an oversized description", { description: "x".repeat(2001) }, { description: "tooLong" }],
    ["a malformed group id", { groupId: "'; --" }, { groupId: "invalid" }],
    ["an unknown group", { groupId: UNKNOWN_ID }, { groupId: "unknownGroup" }],
    ["a malformed version", { version: "x" }, { version: "invalid" }],
  ])("refuses %s and changes nothing", async (_label, change, fieldErrors) => {
    const typed = { description: "Behåll", ...change };
    const state = await edit()(fields(typed));
    expect(state).toMatchObject({
      status: "error",
      formError: "checkFields",
      fieldErrors,
      values: { description: typed.description },
    });
    expect(await stored()).toMatchObject({ description: "Vapen i bilen.", version: 1 });
    expect(await editAudits()).toHaveLength(0);
  });

  it("an action against a group keeps a group, and cannot deprive anyone even if the form claims a person", async () => {
    const groupAction = await createEnforcementAction(db, {
      siteId: w.site.id,
      groupId,
      type: "SEARCH",
      occurredAt: new Date("2026-03-01T06:00:00Z"),
      createdById: w.users.POLICE.id,
    });
    const base = { id: groupAction.id, version: "1", groupId, type: "ARREST", occurredAt: "2026-03-01T07:00" };
    expect(await edit()({ ...base, groupId: "" })).toMatchObject({ fieldErrors: { groupId: "personOrGroupRequired" } });
    expect(await edit()({ ...base, groupId: "", hasPerson: "on" })).toMatchObject({
      fieldErrors: { groupId: "personOrGroupRequired" },
    });
    expect(await edit()({ ...base, hasPerson: "on", setDeprivedOfLiberty: "on" })).toMatchObject({
      fieldErrors: { setDeprivedOfLiberty: "deprivationNeedsPerson" },
    });
    expect(await db.enforcementAction.findUniqueOrThrow({ where: { id: groupAction.id } })).toMatchObject({
      type: "SEARCH",
      groupId,
      version: 1,
    });
    expect(await edit()(base)).toEqual({ status: "success" });
  });
});

describe("who may correct", () => {
  it("is the police only: other agencies, managers, admins and other sites find nothing, and nothing changes", async () => {
    for (const actor of [w.actors.SOCIAL, w.actors.PROBATION, w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      expect(await edit(() => actor)(fields({ description: "Nej" }))).toMatchObject({
        status: "error",
        formError: "notFound",
      });
      await expect(getEnforcementAction({ actor, id: actionId })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getEnforcementForEdit({ actor, id: actionId })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await stored()).toMatchObject({ description: "Vapen i bilen.", version: 1 });
    expect(await editAudits()).toHaveLength(0);
  });

  it("answers unknown and malformed ids with not found", async () => {
    expect(await edit()(fields({ id: UNKNOWN_ID }))).toMatchObject({ formError: "notFound" });
    expect(await edit()(fields({ id: "1 OR 1=1" }))).toMatchObject({ fieldErrors: { id: "invalid" } });
    await expect(getEnforcementAction({ actor: w.actors.POLICE, id: "nope" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEnforcementAction({ actor: w.actors.POLICE, id: UNKNOWN_ID })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("asks an officer without the person on their caseload for a reason first", async () => {
    await db.assignment.deleteMany({ where: { userId: w.users.POLICE.id } });
    await expect(getEnforcementAction({ actor: w.actors.POLICE, id: actionId })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    await expect(
      editEnforcementAction({ actor: w.actors.POLICE, input: ZEditEnforcement.parse(fields({ description: "Ny" })) }),
    ).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect((await stored()).version).toBe(1);
    await requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
    expect(await edit()(fields({ description: "Ny" }))).toEqual({ status: "success" });
    expect(
      await db.auditEvent.findFirst({ where: { action: "UPDATE", entityType: "EnforcementAction" } }),
    ).toBeTruthy();
  });
});
