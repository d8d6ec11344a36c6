import { beforeEach, describe, expect, it } from "vitest";
import { requirePersonAccess } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { addSupportMeasure, changeReferralStatus, createReferral, editSupportMeasure } from "@/lib/referrals/mutations";
import {
  countOpenReferrals,
  findReferrals,
  getReferral,
  getReferralBoard,
  getReferralFormOptions,
  getSupportMeasureForEdit,
} from "@/lib/referrals/queries";
import {
  ZAddSupportMeasure,
  ZChangeReferralStatus,
  ZCreateReferral,
  ZEditSupportMeasure,
  ZFindReferrals,
} from "@/lib/referrals/schemas";
import { createAssignment, createNotification, createSupportMeasure } from "@/prisma/factories";
import {
  activityCounts,
  giveConsent,
  giveReasonAll,
  makeWorld,
  submitWith,
  typedDate,
  typedDateTime,
  UNKNOWN_ID,
  type World,
} from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts): every agency user has given a reason,
  // as the pages ask them to; an assignment would make SOCIAL the person's handler here.
  await giveReasonAll(w);
  await giveReasonAll(w, w.secondPerson.id);
});

const create = (actor = () => w.actors.SOCIAL) =>
  submitWith(ZCreateReferral, (input) => createReferral({ actor: actor(), input }));
const move = (actor = () => w.actors.SOCIAL) =>
  submitWith(ZChangeReferralStatus, (input) => changeReferralStatus({ actor: actor(), input }));
const addMeasure = (actor = () => w.actors.SOCIAL) =>
  submitWith(ZAddSupportMeasure, (input) => addSupportMeasure({ actor: actor(), input }));
const editMeasure = (actor = () => w.actors.SOCIAL) =>
  submitWith(ZEditSupportMeasure, (input) => editSupportMeasure({ actor: actor(), input }));

async function refer(personId = w.person.id) {
  const state = await create()({
    personId,
    source: "SELF",
    referredAt: "2026-01-10T10:00",
    comment: "Hörde av sig själv.",
  });
  expect(state).toEqual({ status: "success" });
  return db.referral.findFirstOrThrow({ where: { personId }, orderBy: { createdAt: "desc" } });
}

async function step(referralId: string, toStatus: string, changedAt: string) {
  const { version } = await db.referral.findUniqueOrThrow({ where: { id: referralId } });
  return move()({ referralId, version: String(version), toStatus, changedAt });
}

describe("referring a person to the defector programme", () => {
  it("creates the referral, its first history step and the audit event together", async () => {
    const notification = await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    const state = await create()({
      personId: w.person.id,
      source: "CUSTOM_NOTIFICATION",
      notificationId: notification.id,
      referredAt: "2026-01-10T10:00",
      comment: "Bad om hjälp.",
    });
    expect(state).toEqual({ status: "success" });
    const referral = await db.referral.findFirstOrThrow({ include: { history: true } });
    expect(referral).toMatchObject({
      siteId: w.site.id,
      personId: w.person.id,
      status: "REFERRED",
      source: "CUSTOM_NOTIFICATION",
      notificationId: notification.id,
      closedAt: null,
      version: 1,
    });
    expect(referral.referredAt.toISOString()).toBe("2026-01-10T09:00:00.000Z");
    expect(referral.history).toMatchObject([
      { fromStatus: null, toStatus: "REFERRED", comment: "Bad om hjälp.", changedById: w.users.SOCIAL.id },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } });
    expect(audit).toMatchObject({
      entityType: "Referral",
      entityId: referral.id,
      personId: w.person.id,
      actorRole: "SOCIAL",
    });
    expect(JSON.stringify(audit.metadata)).not.toContain("Bad om hjälp");
  });

  it.each([
    ["a date in the future", { referredAt: typedDateTime(3) }, { referredAt: "futureDate" }],
    ["no date", { referredAt: "" }, { referredAt: "required" }],
    ["an unknown source", { source: "GOSSIP" }, { source: "required" }],
    ["an oversized comment", { comment: "x".repeat(1001) }, { comment: "tooLong" }],
    ["a malformed person id", { personId: "1; DROP TABLE" }, { personId: "invalid" }],
    ["a notification link with another source", { notificationId: UNKNOWN_ID }, { notificationId: "linkNeedsSource" }],
  ])("refuses %s with a field error and saves nothing", async (_label, change, fieldErrors) => {
    const input = {
      personId: w.person.id,
      source: "SELF",
      referredAt: "2026-01-10T10:00",
      comment: "Behåll mig",
      ...change,
    };
    const before = await activityCounts();
    const state = await create()(input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error") expect(state.values.comment).toBe(input.comment);
    expect(await activityCounts()).toEqual(before);
  });

  it("answers not found for an unknown person, another site's person, and a notification that is not theirs", async () => {
    const before = await activityCounts();
    for (const personId of [UNKNOWN_ID, w.otherPerson.id]) {
      expect(await create()({ personId, source: "SELF", referredAt: "2026-01-10T10:00" })).toMatchObject({
        status: "error",
        formError: "notFound",
      });
    }
    const elsewhere = await createNotification(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    expect(
      await create()({
        personId: w.person.id,
        source: "CUSTOM_NOTIFICATION",
        notificationId: elsewhere.id,
        referredAt: "2026-01-10T10:00",
      }),
    ).toMatchObject({
      status: "error",
      fieldErrors: { notificationId: "unknownLink" },
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("keeps one open referral per person at a time", async () => {
    await refer();
    const before = await activityCounts();
    expect(await create()({ personId: w.person.id, source: "SELF", referredAt: "2026-02-10T10:00" })).toMatchObject({
      status: "error",
      formError: "openReferralExists",
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("is social services' work: police, probation, managers and administrators cannot refer", async () => {
    const input = ZCreateReferral.parse({ personId: w.person.id, source: "SELF", referredAt: "2026-01-10T10:00" });
    for (const role of ["POLICE", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(createReferral({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getReferralFormOptions({ actor: w.actors[role], personId: w.person.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await db.referral.count()).toBe(0);
  });
});

describe("the status flow", () => {
  it("walks referred → contacted → assessed → in programme → completed with dated history", async () => {
    const r = await refer();
    expect(await step(r.id, "CONTACTED", "2026-01-12T09:00")).toEqual({ status: "success" });
    expect(await step(r.id, "ASSESSED", "2026-01-20T09:00")).toEqual({ status: "success" });
    expect(await step(r.id, "IN_PROGRAMME", "2026-02-01T09:00")).toEqual({ status: "success" });
    expect(await step(r.id, "COMPLETED", "2026-06-01T09:00")).toEqual({ status: "success" });
    const saved = await db.referral.findUniqueOrThrow({
      where: { id: r.id },
      include: { history: { orderBy: { changedAt: "asc" } } },
    });
    expect(saved).toMatchObject({ status: "COMPLETED", version: 5 });
    expect(saved.closedAt?.toISOString()).toBe("2026-06-01T07:00:00.000Z");
    expect(saved.statusChangedAt.toISOString()).toBe("2026-06-01T07:00:00.000Z");
    expect(saved.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "REFERRED"],
      ["REFERRED", "CONTACTED"],
      ["CONTACTED", "ASSESSED"],
      ["ASSESSED", "IN_PROGRAMME"],
      ["IN_PROGRAMME", "COMPLETED"],
    ]);
    const audits = await db.auditEvent.findMany({
      where: { action: "UPDATE", entityType: "Referral" },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => (a.metadata as { toStatus: string }).toStatus)).toEqual([
      "CONTACTED",
      "ASSESSED",
      "IN_PROGRAMME",
      "COMPLETED",
    ]);
  });

  it("refuses an illegal step, a step back in time, and any step from a closed referral, changing nothing", async () => {
    const r = await refer();
    let before = await activityCounts();
    expect(await step(r.id, "IN_PROGRAMME", "2026-01-12T09:00")).toMatchObject({
      status: "error",
      fieldErrors: { toStatus: "illegalTransition" },
    });
    expect(await step(r.id, "COMPLETED", "2026-01-12T09:00")).toMatchObject({
      status: "error",
      fieldErrors: { toStatus: "illegalTransition" },
    });
    expect(await step(r.id, "CONTACTED", "2026-01-09T09:00")).toMatchObject({
      status: "error",
      fieldErrors: { changedAt: "beforePreviousStep" },
    });
    expect(await step(r.id, "CONTACTED", typedDateTime(2))).toMatchObject({
      status: "error",
      fieldErrors: { changedAt: "futureDate" },
    });
    expect(await step(r.id, "SOMEWHERE", "2026-01-12T09:00")).toMatchObject({
      status: "error",
      fieldErrors: { toStatus: "required" },
    });
    expect(await activityCounts()).toEqual(before);
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "REFERRED",
      version: 1,
    });

    expect(await step(r.id, "DECLINED", "2026-01-15T09:00")).toEqual({ status: "success" });
    before = await activityCounts();
    for (const to of ["REFERRED", "CONTACTED", "DISCONTINUED"]) {
      expect(await step(r.id, to, "2026-01-16T09:00")).toMatchObject({
        status: "error",
        fieldErrors: { toStatus: "illegalTransition" },
      });
    }
    expect(await activityCounts()).toEqual(before);
  });

  it("answers a step chosen from an outdated page with a conflict, keeping the user's input", async () => {
    const r = await refer();
    expect(
      await move()({ referralId: r.id, version: "1", toStatus: "CONTACTED", changedAt: "2026-01-12T09:00" }),
    ).toEqual({ status: "success" });
    const before = await activityCounts();
    const state = await move()({
      referralId: r.id,
      version: "1",
      toStatus: "DECLINED",
      changedAt: "2026-01-13T09:00",
      comment: "Min kommentar",
    });
    expect(state).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { comment: "Min kommentar", toStatus: "DECLINED" },
    });
    expect(await activityCounts()).toEqual(before);
    await expect(
      changeReferralStatus({
        actor: w.actors.SOCIAL,
        input: ZChangeReferralStatus.parse({
          referralId: r.id,
          version: 1,
          toStatus: "ASSESSED",
          changedAt: "2026-01-13T09:00",
        }),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only social services move a referral; unknown and foreign ids are not found", async () => {
    const r = await refer();
    await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"], { givenOn: new Date("2020-01-01") });
    const input = ZChangeReferralStatus.parse({
      referralId: r.id,
      version: 1,
      toStatus: "CONTACTED",
      changedAt: "2026-01-12T09:00",
    });
    for (const role of ["POLICE", "PROBATION", "MANAGER", "ADMIN"] as const) {
      await expect(changeReferralStatus({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      changeReferralStatus({ actor: w.actors.SOCIAL, input: { ...input, referralId: UNKNOWN_ID } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeReferralStatus({ actor: w.otherActor, input })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      status: "REFERRED",
      version: 1,
    });
  });
});

describe("support measures", () => {
  const measure = (referralId: string, change: Record<string, string> = {}) => ({
    referralId,
    type: "HOUSING",
    status: "ONGOING",
    startsOn: "2026-02-01",
    endsOn: "",
    outcome: "",
    ...change,
  });

  it("records a relocation with its protected destination and can mark the person relocated, all audited", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    const r = await refer();
    const state = await addMeasure()(
      measure(r.id, {
        type: "RELOCATION",
        status: "COMPLETED",
        startsOn: "2026-03-01",
        endsOn: "2026-03-15",
        outcome: "Flyttat.",
        destinationTown: "Ort X",
        markRelocated: "on",
        protectTown: "yes",
      }),
    );
    expect(state).toEqual({ status: "success" });
    const saved = await db.supportMeasure.findFirstOrThrow();
    expect(saved).toMatchObject({
      type: "RELOCATION",
      status: "COMPLETED",
      destinationTown: "Ort X",
      outcome: "Flyttat.",
      personId: w.person.id,
    });
    const person = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(person).toMatchObject({
      status: "RELOCATED",
      protectedTown: "Ort X",
      hasProtectedIdentity: true,
      version: 2,
    });
    expect(person.statusSince.toISOString()).toBe("2026-03-15T00:00:00.000Z");
    const audits = await db.auditEvent.findMany({
      where: { action: { in: ["CREATE", "UPDATE"] } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => `${a.action} ${a.entityType}`)).toEqual([
      "CREATE Referral",
      "UPDATE Person",
      "CREATE SupportMeasure",
    ]);
    expect(JSON.stringify(audits.map((a) => a.metadata))).not.toContain("Ort X");
  });

  it("shows the destination to the person's own social secretary only", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    const r = await refer();
    await addMeasure()(measure(r.id, { type: "RELOCATION", status: "ONGOING", destinationTown: "Ort X" }));
    const handler = await getReferral({ actor: w.actors.SOCIAL, referralId: r.id });
    expect(handler.kind === "full" && handler.measures[0]!.destination).toEqual({ kind: "town", town: "Ort X" });

    const { createUser } = await import("@/prisma/factories");
    const { actorOf } = await import("@/lib/auth");
    const colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "SOCIAL" }));
    await requirePersonAccess({ actor: colleague, personId: w.person.id, reason: { code: "COVERING_COLLEAGUE" } });
    const other = await getReferral({ actor: colleague, referralId: r.id });
    expect(other.kind === "full" && other.measures[0]!.destination).toEqual({ kind: "protected" });
    expect(JSON.stringify(other)).not.toContain("Ort X");
    const forEdit = await getSupportMeasureForEdit({
      actor: colleague,
      measureId: (await db.supportMeasure.findFirstOrThrow()).id,
    });
    expect(forEdit.destinationTown).toBeNull();

    // A colleague who does not handle the person may not write the destination, nor erase it.
    const m = await db.supportMeasure.findFirstOrThrow();
    const before = await activityCounts();
    const asColleague = editMeasure(() => colleague);
    const base = {
      measureId: m.id,
      version: "1",
      type: "RELOCATION",
      status: "COMPLETED",
      startsOn: "2026-02-01",
      endsOn: "2026-02-20",
    };
    expect(await asColleague({ ...base, destinationTown: "Ort Y" })).toMatchObject({
      status: "error",
      fieldErrors: { destinationTown: "notHandler" },
    });
    expect(await asColleague({ ...base, type: "HOUSING" })).toMatchObject({
      status: "error",
      fieldErrors: { type: "notHandler" },
    });
    expect(await activityCounts()).toEqual(before);
    expect(await asColleague(base)).toEqual({ status: "success" });
    expect(await db.supportMeasure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      status: "COMPLETED",
      destinationTown: "Ort X",
      version: 2,
    });
  });

  it.each([
    ["an ongoing measure starting in the future", { startsOn: typedDate(5) }, { startsOn: "futureStart" }],
    ["an end before the start", { endsOn: "2026-01-01" }, { endsOn: "endBeforeStart" }],
    ["a completed measure without an end", { status: "COMPLETED" }, { endsOn: "endRequired" }],
    [
      "a completed measure ending in the future",
      { status: "COMPLETED", endsOn: typedDate(5) },
      { endsOn: "futureDate" },
    ],
    [
      "a destination for something else than a relocation",
      { destinationTown: "Ort X" },
      { destinationTown: "destinationOnlyRelocation" },
    ],
    [
      "marking relocated without a destination",
      { type: "RELOCATION", markRelocated: "on" },
      { destinationTown: "destinationRequired" },
    ],
    [
      "marking relocated before it started",
      { type: "RELOCATION", status: "PLANNED", destinationTown: "Ort X", markRelocated: "on", protectTown: "yes" },
      { markRelocated: "relocationNotStarted" },
    ],
    [
      "marking relocated without saying whether the town is protected",
      { type: "RELOCATION", destinationTown: "Ort X", markRelocated: "on" },
      { protectTown: "protectTownRequired" },
    ],
    [
      "an answer to 'protected?' that is neither yes nor no",
      { type: "RELOCATION", destinationTown: "Ort X", markRelocated: "on", protectTown: "kanske" },
      { protectTown: "required" },
    ],
    ["an unknown type", { type: "HOLIDAY" }, { type: "required" }],
    ["an impossible date", { startsOn: "2026-02-30" }, { startsOn: "invalidDate" }],
    ["a date far ahead", { status: "PLANNED", startsOn: "2099-01-01" }, { startsOn: "tooFarAhead" }],
    ["an oversized outcome", { outcome: "x".repeat(1001) }, { outcome: "tooLong" }],
  ])("refuses %s and saves nothing", async (_label, change, fieldErrors) => {
    const r = await refer();
    const before = await activityCounts();
    const state = await addMeasure()(measure(r.id, change));
    expect(state).toMatchObject({ status: "error", fieldErrors });
    expect(await activityCounts()).toEqual(before);
  });

  it("names every problem in one round, even when a field itself is wrong", async () => {
    const r = await refer();
    const state = await addMeasure()(
      measure(r.id, { type: "", status: "COMPLETED", startsOn: "2026-02-30", destinationTown: "Ort X" }),
    );
    expect(state).toMatchObject({ fieldErrors: { type: "required", startsOn: "invalidDate", endsOn: "endRequired" } });
  });

  it("allows a planned measure to start in the future", async () => {
    const r = await refer();
    expect(await addMeasure()(measure(r.id, { status: "PLANNED", startsOn: typedDate(30) }))).toEqual({
      status: "success",
    });
  });

  it("adds no measure to a closed referral, and none for another site or an unknown referral", async () => {
    const r = await refer();
    await step(r.id, "DECLINED", "2026-01-11T09:00");
    const before = await activityCounts();
    expect(await addMeasure()(measure(r.id))).toMatchObject({ status: "error", formError: "referralClosed" });
    expect(await addMeasure()(measure(UNKNOWN_ID))).toMatchObject({ status: "error", formError: "notFound" });
    expect(await addMeasure(() => w.otherActor)(measure(r.id))).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await addMeasure(() => w.actors.POLICE)(measure(r.id))).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await activityCounts()).toEqual(before);
  });

  it("edits with optimistic locking: the second of two edits from the same version is a conflict", async () => {
    const r = await refer();
    await addMeasure()(measure(r.id));
    const m = await db.supportMeasure.findFirstOrThrow();
    const edit = {
      measureId: m.id,
      version: "1",
      type: "HOUSING",
      status: "COMPLETED",
      startsOn: "2026-02-01",
      endsOn: "2026-02-28",
      outcome: "Egen lägenhet.",
    };
    expect(await editMeasure()(edit)).toEqual({ status: "success" });
    const before = await activityCounts();
    expect(await editMeasure()({ ...edit, outcome: "Annat utfall" })).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { outcome: "Annat utfall" },
    });
    expect(await activityCounts()).toEqual(before);
    expect(await db.supportMeasure.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      outcome: "Egen lägenhet.",
      version: 2,
    });
  });
});

describe("what police and probation see: status only, and only with consent", () => {
  async function referralWithMeasure() {
    const r = await refer();
    await step(r.id, "CONTACTED", "2026-01-12T09:00");
    await step(r.id, "ASSESSED", "2026-01-13T09:00");
    await createSupportMeasure(db, {
      siteId: w.site.id,
      referralId: r.id,
      personId: w.person.id,
      type: "RELOCATION",
      status: "ONGOING",
      startsOn: new Date("2026-02-01"),
      outcome: "Hemligt utfall",
      destinationTown: "Ort X",
      createdById: w.users.SOCIAL.id,
    });
    return r;
  }

  it("hides the referral entirely without consent, and shows status only with it", async () => {
    const r = await referralWithMeasure();
    for (const role of ["POLICE", "PROBATION"] as const) {
      await expect(getReferral({ actor: w.actors[role], referralId: r.id })).rejects.toBeInstanceOf(NotFoundError);
      expect((await findReferrals({ actor: w.actors[role], query: ZFindReferrals.parse({}) })).total).toBe(0);
      expect((await getReferralBoard({ actor: w.actors[role] })).flatMap((c) => c.items)).toEqual([]);
    }
    const consent = await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"], {
      givenOn: new Date("2020-01-01"),
    });
    for (const role of ["POLICE", "PROBATION"] as const) {
      const seen = await getReferral({ actor: w.actors[role], referralId: r.id });
      expect(seen.kind).toBe("statusOnly");
      expect(Object.keys(seen.referral).sort()).toEqual([
        "closedAt",
        "id",
        "personId",
        "personName",
        "referredAt",
        "status",
        "statusChangedAt",
      ]);
      expect(seen.referral.status).toBe("ASSESSED");
      expect(seen.measures).toHaveLength(1);
      expect(Object.keys(seen.measures[0]!).sort()).toEqual([
        "endsOn",
        "id",
        "personId",
        "referralId",
        "startsOn",
        "status",
      ]);
      const text = JSON.stringify(seen);
      for (const secret of ["Ort X", "Hemligt utfall", "RELOCATION", "Hörde av sig själv", "SELF"])
        expect(text).not.toContain(secret);
      const board = await getReferralBoard({ actor: w.actors[role] });
      expect(board.find((c) => c.status === "ASSESSED")).toMatchObject({
        total: 1,
        items: [{ id: r.id, personName: "Testa Testsson" }],
      });
    }
    // Each showing is a disclosure under the consent.
    const disclosures = await db.disclosure.findMany({ where: { toAgency: "POLICE" } });
    expect(disclosures.length).toBeGreaterThanOrEqual(3);
    expect(
      disclosures.every((d) => d.fromAgency === "SOCIAL" && d.legalBasis === "CONSENT" && d.consentId === consent.id),
    ).toBe(true);
  });

  it("needs the consent to name the viewer's agency too", async () => {
    const r = await referralWithMeasure();
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"], { givenOn: new Date("2020-01-01") });
    await expect(getReferral({ actor: w.actors.POLICE, referralId: r.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getReferral({ actor: w.actors.PROBATION, referralId: r.id })).kind).toBe("statusOnly");
  });

  it("stops showing at once when the consent is withdrawn", async () => {
    const r = await referralWithMeasure();
    const consent = await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"], {
      givenOn: new Date("2020-01-01"),
    });
    expect((await getReferral({ actor: w.actors.POLICE, referralId: r.id })).kind).toBe("statusOnly");
    await db.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } });
    await expect(getReferral({ actor: w.actors.POLICE, referralId: r.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await findReferrals({ actor: w.actors.PROBATION, query: ZFindReferrals.parse({}) })).total).toBe(0);
    expect((await getReferralBoard({ actor: w.actors.POLICE })).every((c) => c.total === 0)).toBe(true);
  });

  it("never shows referrals to managers and administrators, nor across sites", async () => {
    const r = await referralWithMeasure();
    for (const actor of [w.actors.MANAGER, w.actors.ADMIN]) {
      await expect(getReferral({ actor, referralId: r.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getReferralBoard({ actor })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getReferral({ actor: w.otherActor, referralId: r.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReferral({ actor: w.actors.SOCIAL, referralId: "not-a-uuid" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("the board and the list", () => {
  it("puts open referrals in their status column, longest waiting first, and filters the list", async () => {
    const a = await refer(w.person.id);
    const b = await refer(w.secondPerson.id);
    await step(b.id, "CONTACTED", "2026-01-11T09:00");
    const board = await getReferralBoard({ actor: w.actors.SOCIAL });
    expect(board.map((c) => [c.status, c.total])).toEqual([
      ["REFERRED", 1],
      ["CONTACTED", 1],
      ["ASSESSED", 0],
      ["IN_PROGRAMME", 0],
    ]);
    expect(board[0]!.items[0]!.id).toBe(a.id);
    await step(a.id, "DECLINED", "2026-01-11T10:00");
    expect((await getReferralBoard({ actor: w.actors.SOCIAL }))[0]!.total).toBe(0);

    const q = (query: Record<string, string>) =>
      findReferrals({ actor: w.actors.SOCIAL, query: ZFindReferrals.parse(query) });
    expect((await q({})).total).toBe(2);
    expect((await q({ open: "1" })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await q({ status: "DECLINED" })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await q({ q: "andra" })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await q({ status: "NONSENSE", page: "-3" })).total).toBe(2);
    expect((await q({ mine: "1" })).total).toBe(0);
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    expect((await q({ mine: "1" })).items.map((i) => i.id)).toEqual([b.id]);

    expect(await countOpenReferrals({ actor: w.actors.SOCIAL })).toEqual({
      total: 1,
      byStatus: { REFERRED: 0, CONTACTED: 1, ASSESSED: 0, IN_PROGRAMME: 0 },
    });
    expect((await countOpenReferrals({ actor: w.actors.POLICE })).total).toBe(0);
    const search = await db.auditEvent.findFirstOrThrow({
      where: { action: "SEARCH", entityType: "Referral" },
      orderBy: { id: "desc" },
    });
    expect(search.metadata).toMatchObject({ shownReferralIds: [b.id] });
  });
});
