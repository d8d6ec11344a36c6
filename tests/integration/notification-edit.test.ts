import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { updateNotification } from "@/lib/notifications/mutations";
import { getNotificationForEdit } from "@/lib/notifications/queries";
import { LOG_NOTIFICATION_ARRAYS, ZUpdateNotification } from "@/lib/notifications/schemas";
import { createInternalNote, createNotification } from "@/prisma/factories";
import { assignAll, form, makeWorld, type World } from "./fixtures";

let w: World;
let notificationId: string;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts) is passed by the caseload.
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
  const n = await createNotification(db, {
    siteId: w.site.id,
    personId: w.person.id,
    createdById: w.users.POLICE.id,
    createdByAgency: "POLICE",
    participants: { create: [{ userId: w.users.POLICE.id }] },
  });
  notificationId = n.id;
  await createInternalNote(db, {
    siteId: w.site.id,
    agency: "POLICE",
    notificationId,
    createdById: w.users.POLICE.id,
    body: "POLISENS NOT",
  });
  await createInternalNote(db, {
    siteId: w.site.id,
    agency: "SOCIAL",
    notificationId,
    createdById: w.users.SOCIAL.id,
    body: "SOCIALTJÄNSTENS NOT",
  });
});

type Actor = World["actors"]["POLICE"];
const edit = (version = 1) => ({
  notificationId,
  version,
  occurredAt: "2020-09-15T12:30",
  placeType: "STREET",
  placeDescription: "Torget",
  agencies: ["POLICE", "PROBATION"],
  participantIds: [w.users.PROBATION.id],
  outcome: "DELIVERED",
  response: "NEGATIVE",
  askedForHelpOnSite: "",
  nextStep: "Ny kontakt om en vecka.",
  internalNote: "Frivårdens nya not.",
});
const update = (actor: Actor, fields: Record<string, string | string[] | number>) =>
  handleForm(form(fields), ZUpdateNotification, (input) => updateNotification({ actor, input }), {
    arrays: LOG_NOTIFICATION_ARRAYS,
  });

async function snapshot() {
  const n = await db.customNotification.findUniqueOrThrow({
    where: { id: notificationId },
    include: { participants: true, notes: { orderBy: { agency: "asc" } } },
  });
  return {
    version: n.version,
    outcome: n.outcome,
    nextStep: n.nextStep,
    participants: n.participants.map((p) => p.userId),
    notes: n.notes.map((x) => [x.agency, x.body]),
  };
}

describe("editing a custom notification later", () => {
  it("gives the form the notification and the actor's own agency's note only", async () => {
    const asSocial = await getNotificationForEdit({ actor: w.actors.SOCIAL, notificationId });
    expect(asSocial.notification).toMatchObject({
      id: notificationId,
      version: 1,
      internalNote: "SOCIALTJÄNSTENS NOT",
      participantIds: [w.users.POLICE.id],
    });
    expect(JSON.stringify(asSocial)).not.toContain("POLISENS NOT");
    expect(
      (await getNotificationForEdit({ actor: w.actors.PROBATION, notificationId })).notification.internalNote,
    ).toBeNull();
    for (const [role, id] of [
      ["MANAGER", notificationId],
      ["POLICE", "nope"],
      ["POLICE", "00000000-0000-7000-8000-000000000000"],
    ] as const) {
      await expect(getNotificationForEdit({ actor: w.actors[role], notificationId: id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
  });

  it("saves the fields, replaces the participants, writes the actor's own note and leaves the others' alone", async () => {
    expect(await update(w.actors.PROBATION, edit())).toEqual({ status: "success" });
    expect(await snapshot()).toEqual({
      version: 2,
      outcome: "DELIVERED",
      nextStep: "Ny kontakt om en vecka.",
      participants: [w.users.PROBATION.id],
      // Ordered by the Agency enum's declaration order.
      notes: [
        ["POLICE", "POLISENS NOT"],
        ["SOCIAL", "SOCIALTJÄNSTENS NOT"],
        ["PROBATION", "Frivårdens nya not."],
      ],
    });
    const saved = await db.customNotification.findUniqueOrThrow({ where: { id: notificationId } });
    expect(saved.occurredAt.toISOString()).toBe("2020-09-15T10:30:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } });
    expect(audit).toMatchObject({
      entityType: "CustomNotification",
      entityId: notificationId,
      personId: w.person.id,
      metadata: { internalNote: "saved", version: 2 },
    });
    expect(JSON.stringify(audit.metadata)).not.toContain("not");
  });

  it("removes the actor's own note when emptied, never another agency's", async () => {
    expect(await update(w.actors.SOCIAL, { ...edit(), internalNote: "" })).toEqual({ status: "success" });
    expect((await snapshot()).notes).toEqual([["POLICE", "POLISENS NOT"]]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } })).toMatchObject({
      metadata: { internalNote: "removed" },
    });
  });

  it("refuses the second of two edits from the same version: conflict, input kept, nothing changed", async () => {
    expect(await update(w.actors.POLICE, edit())).toEqual({ status: "success" });
    const before = await snapshot();
    const second = await update(w.actors.SOCIAL, { ...edit(), nextStep: "Min ändring" });
    expect(second).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { nextStep: "Min ändring", agencies: ["POLICE", "PROBATION"] },
    });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count({ where: { action: "UPDATE" } })).toBe(1);
  });

  it.each([
    ["a date in the future", { occurredAt: "2099-01-01T10:00" }, { occurredAt: "futureDate" }],
    ["delivered without a response", { response: "" }, { response: "responseRequired" }],
    ["an oversized next step", { nextStep: "x".repeat(1001) }, { nextStep: "tooLong" }],
    ["an oversized internal note", { internalNote: "x".repeat(4001) }, { internalNote: "tooLong" }],
    ["no agency", { agencies: [] }, { agencies: "chooseAgency" }],
    ["a malformed id", { notificationId: "1 OR 1=1" }, { notificationId: "invalid" }],
    ["no version", { version: "" }, { version: "invalid" }],
  ])("refuses %s with a field error and changes nothing", async (_label, change, fieldErrors) => {
    const before = await snapshot();
    const state = await update(w.actors.POLICE, { ...edit(), ...change });
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    expect(await snapshot()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("answers not found for an unknown notification, another site's, and for managers; refuses unknown participants", async () => {
    const foreign = await createNotification(db, {
      siteId: w.otherSite.id,
      personId: w.otherPerson.id,
      createdById: w.otherActor.id,
      createdByAgency: "POLICE",
    });
    for (const id of ["00000000-0000-7000-8000-000000000000", foreign.id]) {
      expect(await update(w.actors.POLICE, { ...edit(), notificationId: id })).toMatchObject({
        status: "error",
        formError: "notFound",
      });
    }
    expect(await update(w.actors.MANAGER, edit())).toMatchObject({ status: "error", formError: "notFound" });
    expect(await update(w.actors.POLICE, { ...edit(), participantIds: [w.otherActor.id] })).toMatchObject({
      fieldErrors: { participantIds: "unknownParticipant" },
    });
    expect((await snapshot()).version).toBe(1);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
