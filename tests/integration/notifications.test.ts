import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { logNotification } from "@/lib/notifications/mutations";
import { LOG_NOTIFICATION_ARRAYS, ZLogNotification, type TLogNotification } from "@/lib/notifications/schemas";
import { assignAll, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts) is passed by the caseload.
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
});

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) fd.append(key, v);
  return fd;
}

const valid = () => ({
  personId: w.person.id,
  occurredAt: "2026-11-20T14:30",
  placeType: "PROBATION_OFFICE",
  agencies: ["POLICE", "PROBATION"],
  participantIds: [w.users.PROBATION.id],
  outcome: "DELIVERED",
  response: "POSITIVE",
  askedForHelpOnSite: "on",
  nextStep: "Kontakt med avhopparverksamheten.",
  internalNote: "Polisens anteckning.",
});

async function submit(actor: World["actors"]["POLICE"], fields: Record<string, string | string[]>) {
  return handleForm(form(fields), ZLogNotification, (input) => logNotification({ actor, input }), {
    arrays: LOG_NOTIFICATION_ARRAYS,
  });
}

async function counts() {
  const [notifications, notes, participants, audits] = await Promise.all([
    db.customNotification.count(),
    db.internalNote.count(),
    db.notificationParticipant.count(),
    db.auditEvent.count({ where: { action: "CREATE" } }),
  ]);
  return { notifications, notes, participants, audits };
}

describe("logging a custom notification", () => {
  it("stores the notification, participants, the agency's note and the audit event together", async () => {
    const state = await submit(w.actors.POLICE, valid());
    expect(state).toEqual({ status: "success" });

    const saved = await db.customNotification.findFirstOrThrow({ include: { participants: true, notes: true } });
    expect(saved).toMatchObject({
      siteId: w.site.id,
      personId: w.person.id,
      placeType: "PROBATION_OFFICE",
      agencies: ["POLICE", "PROBATION"],
      outcome: "DELIVERED",
      response: "POSITIVE",
      askedForHelpOnSite: true,
      nextStep: "Kontakt med avhopparverksamheten.",
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    // 14:30 in Stockholm in November (CET, UTC+1) is 13:30 UTC.
    expect(saved.occurredAt.toISOString()).toBe("2026-11-20T13:30:00.000Z");
    expect(saved.participants.map((p) => p.userId)).toEqual([w.users.PROBATION.id]);
    expect(saved.notes).toHaveLength(1);
    expect(saved.notes[0]).toMatchObject({ agency: "POLICE", body: "Polisens anteckning." });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } });
    expect(audit).toMatchObject({
      actorId: w.users.POLICE.id,
      actorRole: "POLICE",
      siteId: w.site.id,
      entityType: "CustomNotification",
      entityId: saved.id,
      personId: w.person.id,
    });
    // The audit log holds no free text about the person.
    expect(JSON.stringify(audit.metadata)).not.toContain("Polisens anteckning");
  });

  it.each([
    ["missing outcome", { outcome: "" }, { outcome: "required" }],
    ["unknown place type", { placeType: "MOON" }, { placeType: "required" }],
    ["a date in the future", { occurredAt: "2099-01-01T10:00" }, { occurredAt: "futureDate" }],
    ["not a date", { occurredAt: "2026-02-30T10:00" }, { occurredAt: "invalidDate" }],
    ["no agency", { agencies: [] }, { agencies: "chooseAgency" }],
    ["delivered without a response", { response: "" }, { response: "responseRequired" }],
    [
      "help asked although not delivered",
      { outcome: "NOT_FOUND", response: "" },
      { askedForHelpOnSite: "helpNeedsDelivery" },
    ],
    ["an oversized next step", { nextStep: "x".repeat(1001) }, { nextStep: "tooLong" }],
    ["an oversized internal note", { internalNote: "x".repeat(4001) }, { internalNote: "tooLong" }],
    ["a malformed person id", { personId: "1 OR 1=1" }, { personId: "invalid" }],
    ["a malformed participant id", { participantIds: ["nope"] }, { participantIds: "invalid" }],
  ])("refuses %s with a field error, keeps the input and changes nothing", async (_label, change, fieldErrors) => {
    const input = { ...valid(), ...change };
    const state = await submit(w.actors.POLICE, input);
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.formError).toBe("checkFields");
    expect(state.fieldErrors).toMatchObject(fieldErrors);
    expect(state.values.nextStep).toBe(input.nextStep);
    expect(state.values.agencies).toEqual(input.agencies);
    expect(await counts()).toEqual({ notifications: 0, notes: 0, participants: 0, audits: 0 });
  });

  it("answers not found for an unknown person and for a person of another site", async () => {
    for (const personId of ["00000000-0000-7000-8000-000000000000", w.otherPerson.id]) {
      const state = await submit(w.actors.POLICE, { ...valid(), personId });
      expect(state).toMatchObject({ status: "error", formError: "notFound" });
    }
    expect(await counts()).toEqual({ notifications: 0, notes: 0, participants: 0, audits: 0 });
  });

  it("refuses a participant from another site", async () => {
    const state = await submit(w.actors.POLICE, { ...valid(), participantIds: [w.otherActor.id] });
    expect(state).toMatchObject({ status: "error", fieldErrors: { participantIds: "unknownParticipant" } });
    expect(await counts()).toEqual({ notifications: 0, notes: 0, participants: 0, audits: 0 });
  });

  it("lets all three agencies log, and neither managers nor administrators", async () => {
    const input: TLogNotification = ZLogNotification.parse(valid());
    for (const role of ["POLICE", "SOCIAL", "PROBATION"] as const) {
      await expect(logNotification({ actor: w.actors[role], input })).resolves.toHaveProperty("id");
    }
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(logNotification({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
    }
    const notes = await db.internalNote.findMany({ select: { agency: true } });
    expect(notes.map((n) => n.agency).sort()).toEqual(["POLICE", "PROBATION", "SOCIAL"]);
  });

  it("records the person's latest activity for the retention review", async () => {
    const before = (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).lastActivityAt;
    await new Promise((r) => setTimeout(r, 5));
    await submit(w.actors.SOCIAL, valid());
    const after = (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).lastActivityAt;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });

  it("is a RuleError, not a crash, when the participant does not exist", async () => {
    const input = ZLogNotification.parse({ ...valid(), participantIds: ["00000000-0000-7000-8000-000000000001"] });
    await expect(logNotification({ actor: w.actors.POLICE, input })).rejects.toBeInstanceOf(RuleError);
  });
});
