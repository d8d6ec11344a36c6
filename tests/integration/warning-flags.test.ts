import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { getNotificationFormOptions } from "@/lib/notifications/queries";
import { getPersonFile } from "@/lib/people/queries";
import { SECTIONS } from "@/lib/register-extract/sections";
import { anonymiseInTx } from "@/lib/retention/mutations";
import { getPlanVisitFormOptions } from "@/lib/visits/queries";
import { endWarningFlag, setWarningFlag } from "@/lib/warning-flags/mutations";
import { personWarningFlags } from "@/lib/warning-flags/queries";
import { ZEndWarningFlag, ZSetWarningFlag } from "@/lib/warning-flags/schemas";
import { createWarningFlag } from "@/prisma/factories";
import { assignAll, makeWorld, submitWith, typedDate, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
});

const set = (actor = () => w.actors.POLICE) =>
  submitWith(ZSetWarningFlag, (input) => setWarningFlag({ actor: actor(), input }));
const end = (actor = () => w.actors.POLICE) =>
  submitWith(ZEndWarningFlag, (input) => endWarningFlag({ actor: actor(), input }));

const REASON = "Hotade en kollega vid gripandet i mars.";

async function policeFlag() {
  expect(await set()({ personId: w.person.id, kind: "THREAT_TO_STAFF", reason: REASON })).toEqual({
    status: "success",
  });
  return db.warningFlag.findFirstOrThrow();
}

describe("warning flags", () => {
  it("the police set one: today's date, their agency, audited without the reason", async () => {
    const flag = await policeFlag();
    expect(flag).toMatchObject({
      personId: w.person.id,
      kind: "THREAT_TO_STAFF",
      agency: "POLICE",
      reason: REASON,
      endsOn: null,
      createdById: w.users.POLICE.id,
    });
    expect(flag.setOn.toISOString().slice(0, 10)).toBe(typedDate(0));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "CREATE", entityType: "WarningFlag", entityId: flag.id },
    });
    expect(event).toMatchObject({ actorId: w.users.POLICE.id, personId: w.person.id });
    expect(event.metadata).toMatchObject({ kind: "THREAT_TO_STAFF", agency: "POLICE" });
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain("Hotade");
  });

  it("other agencies see the kind, dates and agency on the file, but not the reason", async () => {
    const flag = await policeFlag();
    const police = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    expect(police.warningFlags).toEqual([
      expect.objectContaining({ id: flag.id, kind: "THREAT_TO_STAFF", agency: "POLICE", reason: REASON, canEnd: true }),
    ]);
    for (const role of ["SOCIAL", "PROBATION"] as const) {
      const file = await getPersonFile({ actor: w.actors[role], personId: w.person.id });
      expect(file.warningFlags, role).toEqual([
        expect.objectContaining({
          id: flag.id,
          kind: "THREAT_TO_STAFF",
          agency: "POLICE",
          reason: null,
          canEnd: false,
        }),
      ]);
      expect(JSON.stringify(file), role).not.toContain("Hotade");
      // The same where a visit is planned or logged.
      const planForm = await getPlanVisitFormOptions({ actor: w.actors[role], personId: w.person.id });
      expect(planForm.flags.map((f) => [f.kind, f.reason])).toEqual([["THREAT_TO_STAFF", null]]);
      const notificationForm = await getNotificationFormOptions({ actor: w.actors[role], personId: w.person.id });
      expect(notificationForm.flags.map((f) => [f.kind, f.reason])).toEqual([["THREAT_TO_STAFF", null]]);
    }
    // The file's read records which flags it showed.
    const read = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.SOCIAL.id, action: "READ", entityType: "Person" },
      orderBy: { id: "asc" },
    });
    expect(read.metadata).toMatchObject({ shownWarningFlagIds: [flag.id] });
  });

  it("only the setting agency ends it; the others' attempt answers not found and changes nothing", async () => {
    const flag = await policeFlag();
    for (const role of ["SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(
        endWarningFlag({ actor: w.actors[role], input: { flagId: flag.id, version: flag.version } }),
        role,
      ).rejects.toThrow(NotFoundError);
    }
    expect(await db.warningFlag.findUniqueOrThrow({ where: { id: flag.id } })).toEqual(flag);
    expect(await db.auditEvent.count({ where: { action: "UPDATE", entityType: "WarningFlag" } })).toBe(0);

    // A stale version is a conflict, then the police end it as seen.
    await expect(
      endWarningFlag({ actor: w.actors.POLICE, input: { flagId: flag.id, version: flag.version + 1 } }),
    ).rejects.toThrow(ConflictError);
    expect(await end()({ flagId: flag.id, version: String(flag.version) })).toEqual({ status: "success" });
    const ended = await db.warningFlag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(ended).toMatchObject({ endedById: w.users.POLICE.id, version: flag.version + 1 });
    expect(ended.endsOn?.toISOString().slice(0, 10)).toBe(typedDate(0));
    expect(
      await db.auditEvent.count({ where: { action: "UPDATE", entityType: "WarningFlag", entityId: flag.id } }),
    ).toBe(1);
    // Ended: off the file, and cannot be ended twice.
    expect((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).warningFlags).toEqual([]);
    expect(await end()({ flagId: flag.id, version: String(ended.version) })).toMatchObject({
      status: "error",
      formError: "flagAlreadyEnded",
    });
  });

  it("a flag whose last day has passed is no longer shown", async () => {
    await createWarningFlag(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "SOCIAL",
      kind: "DOG",
      setOn: new Date("2026-01-05T00:00:00Z"),
      endsOn: new Date("2026-02-28T00:00:00Z"),
      createdById: w.users.SOCIAL.id,
    });
    const on = (iso: string) => personWarningFlags(w.actors.POLICE, w.person.id, { now: new Date(iso) });
    expect((await on("2026-02-28T20:00:00Z")).map((f) => f.kind)).toEqual(["DOG"]);
    expect(await on("2026-03-01T08:00:00Z")).toEqual([]);
  });

  it("managers and administrators set none; an end date before the set date is refused", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const) {
      expect(await set(() => w.actors[role])({ personId: w.person.id, kind: "DOG", reason: "x" }), role).toMatchObject({
        status: "error",
        formError: "notFound",
      });
    }
    expect(
      await set()({ personId: w.person.id, kind: "DOG", reason: "x", setOn: typedDate(-2), endsOn: typedDate(-5) }),
    ).toMatchObject({ status: "error", fieldErrors: { endsOn: "endBeforeStart" } });
    expect(await set()({ personId: w.person.id, kind: "DOG", reason: "" })).toMatchObject({
      status: "error",
      fieldErrors: { reason: "required" },
    });
    expect(await db.warningFlag.count()).toBe(0);
  });

  it("across sites: another site's user can neither set nor see nor end one; it looks like not found", async () => {
    const flag = await policeFlag();
    expect(await set(() => w.otherActor)({ personId: w.person.id, kind: "DOG", reason: "x" })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await personWarningFlags(w.otherActor, w.person.id)).toEqual([]);
    await expect(
      endWarningFlag({ actor: w.otherActor, input: { flagId: flag.id, version: flag.version } }),
    ).rejects.toThrow(NotFoundError);
    await expect(getPersonFile({ actor: w.otherActor, personId: w.person.id })).rejects.toThrow(NotFoundError);
    expect(await db.warningFlag.count()).toBe(1);
  });

  it("is in the register extract with its reason, and retention empties the reason", async () => {
    const flag = await policeFlag();
    const section = SECTIONS.find((s) => s.key === "warningFlags")!;
    const rows = await db.$transaction((tx) => section.load(tx, { siteId: w.site.id, personId: w.person.id }));
    expect(rows).toEqual([expect.objectContaining({ kind: "THREAT_TO_STAFF", reason: REASON, agency: "POLICE" })]);

    await db.$transaction((tx) =>
      anonymiseInTx(tx, { personId: w.person.id, cutoff: new Date(Date.now() + 86_400_000), now: new Date() }),
    );
    const after = await db.warningFlag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(after.reason).toBe("");
    expect(after.endedAt).not.toBeNull();
  });
});
