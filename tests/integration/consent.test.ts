import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError } from "@/lib/caseload-gate";
import { referralWhere, supportMeasureWhere } from "@/lib/authz";
import { recordConsent, withdrawConsent } from "@/lib/consent/mutations";
import { getConsentOverview } from "@/lib/consent/queries";
import { RECORD_CONSENT_ARRAYS, ZRecordConsent } from "@/lib/consent/schemas";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { stockholmToday } from "@/lib/validation/dates";
import { createConsent, createFollowUp, createPerson, testIdentityNumber } from "@/prisma/factories";
import { assignAll, giveConsent, makeWorld, recordsOfEveryKind, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
});

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) fd.append(key, v);
  return fd;
}

const valid = () => ({
  personId: w.person.id,
  coverage: ["SOCIAL:FOLLOW_UP:PROBATION", "PROBATION:FOLLOW_UP:SOCIAL"],
  documentReference: "SOC-2026-0042",
  givenOn: "2026-01-15",
});

const submit = (actor: World["actors"]["SOCIAL"], fields: Record<string, string | string[]>) =>
  handleForm(form(fields), ZRecordConsent, (input) => recordConsent({ actor, input }), {
    arrays: RECORD_CONSENT_ARRAYS,
  });

async function counts() {
  const [consents, audits] = await Promise.all([
    db.consent.count(),
    db.auditEvent.count({ where: { entityType: "Consent", action: { in: ["CREATE", "UPDATE"] } } }),
  ]);
  return { consents, audits };
}

describe("recording consent", () => {
  it("stores what the signed document covers as codes, confirms the recording agency's own part and asks the other holder, audits it, and counts as activity", async () => {
    const before = (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).lastActivityAt;
    expect(await submit(w.actors.PROBATION, valid())).toEqual({ status: "success" });
    const consent = await db.consent.findFirstOrThrow({ include: { coverage: true, confirmations: true } });
    expect(consent).toMatchObject({
      siteId: w.site.id,
      personId: w.person.id,
      recordedByAgency: "PROBATION",
      documentReference: "SOC-2026-0042",
      guardianConsent: false,
      withdrawnAt: null,
      createdById: w.users.PROBATION.id,
      version: 1,
    });
    expect(consent.coverage.map((c) => `${c.fromAgency}:${c.kind}:${c.toAgency}`).sort()).toEqual([
      "PROBATION:FOLLOW_UP:SOCIAL",
      "SOCIAL:FOLLOW_UP:PROBATION",
    ]);
    expect(consent.confirmations.map((c) => [c.agency, c.status, c.decidedById]).sort()).toEqual([
      ["PROBATION", "CONFIRMED", w.users.PROBATION.id],
      ["SOCIAL", "REQUESTED", null],
    ]);
    expect(consent.givenOn.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE", entityType: "Consent" } });
    expect(audit).toMatchObject({ actorId: w.users.PROBATION.id, entityId: consent.id, personId: w.person.id });
    expect(audit.metadata).toEqual({
      coverage: ["SOCIAL:FOLLOW_UP:PROBATION", "PROBATION:FOLLOW_UP:SOCIAL"],
      agencies: ["SOCIAL", "PROBATION"],
      confirmationRequestedOf: ["SOCIAL"],
      guardianConsent: false,
      minor: false,
      access: "caseload",
    });
    expect(
      (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).lastActivityAt.getTime(),
    ).toBeGreaterThan(before.getTime());
  });

  it.each([
    ["nothing covered", { coverage: [] }, { coverage: "chooseCoverage" }],
    ["a coverage code that does not exist", { coverage: ["SOCIAL:REFERRAL_STATUS:SOCIAL"] }, { coverage: "invalid" }],
    [
      "follow-ups to the police (never shown to them)",
      { coverage: ["PROBATION:FOLLOW_UP:POLICE"] },
      { coverage: "invalid" },
    ],
    ["free text instead of a code", { coverage: ["Allt inom Sluta skjut"] }, { coverage: "invalid" }],
    ["a date in the future", { givenOn: "2099-01-01" }, { givenOn: "futureDate" }],
    ["not a date", { givenOn: "2026-02-30" }, { givenOn: "invalidDate" }],
    ["no document reference", { documentReference: "  " }, { documentReference: "required" }],
    ["an oversized document reference", { documentReference: "x".repeat(101) }, { documentReference: "tooLong" }],
    ["a malformed person id", { personId: "1 OR 1=1" }, { personId: "invalid" }],
  ])("refuses %s with a field error, keeps the input and changes nothing", async (_label, change, fieldErrors) => {
    const input = { ...valid(), ...change };
    const state = await submit(w.actors.SOCIAL, input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error") expect(state.values.documentReference).toBe(input.documentReference);
    expect(await counts()).toEqual({ consents: 0, audits: 0 });
  });

  it("accepts today in Stockholm", async () => {
    expect(await submit(w.actors.SOCIAL, { ...valid(), givenOn: stockholmToday() })).toEqual({ status: "success" });
  });

  it("requires the guardian's consent for someone under 18 on the day, and refuses a date before birth", async () => {
    const birth = new Date(Date.UTC(2010, 5, 15));
    const minor = await createPerson(db, {
      siteId: w.site.id,
      firstName: "Ung",
      lastName: "Person",
      identityNumber: testIdentityNumber(birth),
      createdById: w.users.SOCIAL.id,
    });
    await assignAll(w, minor.id);
    const base = { ...valid(), personId: minor.id };
    expect(await submit(w.actors.SOCIAL, base)).toMatchObject({
      status: "error",
      fieldErrors: { guardianConsent: "guardianConsentRequired" },
    });
    expect(await submit(w.actors.SOCIAL, { ...base, givenOn: "2009-12-31" })).toMatchObject({
      status: "error",
      fieldErrors: { givenOn: "givenBeforeBirth" },
    });
    expect(await counts()).toEqual({ consents: 0, audits: 0 });
    expect(await submit(w.actors.SOCIAL, { ...base, guardianConsent: "on" })).toEqual({ status: "success" });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } })).metadata).toMatchObject({
      minor: true,
      guardianConsent: true,
    });
  });

  it("answers not found for another site's person, and denies managers and administrators", async () => {
    expect(await submit(w.actors.SOCIAL, { ...valid(), personId: w.otherPerson.id })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    const input = ZRecordConsent.parse(valid());
    for (const role of ["MANAGER", "ADMIN"] as const)
      await expect(recordConsent({ actor: w.actors[role], input })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual({ consents: 0, audits: 0 });
  });

  it("asks for the access reason before recording consent for someone outside the caseload", async () => {
    const input = ZRecordConsent.parse({ ...valid(), personId: w.secondPerson.id });
    await expect(recordConsent({ actor: w.actors.SOCIAL, input })).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect(await counts()).toEqual({ consents: 0, audits: 0 });
  });
});

describe("withdrawing consent", () => {
  it("takes effect at once for what the consent let another agency see", async () => {
    await recordsOfEveryKind(w);
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    expect(await db.referral.count({ where: referralWhere(w.actors.PROBATION) })).toBe(1);
    expect(await db.supportMeasure.count({ where: supportMeasureWhere(w.actors.PROBATION) })).toBe(1);

    await withdrawConsent({ actor: w.actors.PROBATION, input: { consentId: consent.id, version: 1 } });

    expect(await db.referral.count({ where: referralWhere(w.actors.PROBATION) })).toBe(0);
    expect(await db.supportMeasure.count({ where: supportMeasureWhere(w.actors.PROBATION) })).toBe(0);
    expect(await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).toMatchObject({
      version: 2,
      withdrawnAt: expect.any(Date),
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityType: "Consent" } });
    expect(audit).toMatchObject({
      entityId: consent.id,
      personId: w.person.id,
      actorId: w.users.PROBATION.id,
      metadata: { withdrawn: true },
    });
  });

  it("refuses a stale version (someone else changed it) and a second withdrawal", async () => {
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    await db.consent.update({ where: { id: consent.id }, data: { version: 2 } });
    await expect(
      withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: 1 } }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await db.consent.findUniqueOrThrow({ where: { id: consent.id } })).withdrawnAt).toBeNull();
    await withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: 2 } });
    await expect(
      withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: 3 } }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await db.auditEvent.count({ where: { action: "UPDATE", entityType: "Consent" } })).toBe(1);
  });

  it("answers not found for an unknown consent, another site's, and for managers and administrators", async () => {
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    const foreign = await createConsent(db, {
      siteId: w.otherSite.id,
      personId: w.otherPerson.id,
      recordedByAgency: "POLICE",
      createdById: w.otherActor.id,
    });
    await expect(
      withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: foreign.id, version: 1 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      withdrawConsent({
        actor: w.actors.SOCIAL,
        input: { consentId: "00000000-0000-7000-8000-000000000000", version: 1 },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(
        withdrawConsent({ actor: w.actors[role], input: { consentId: consent.id, version: 1 } }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.consent.count({ where: { withdrawnAt: { not: null } } })).toBe(0);
  });
});

describe("the consent page", () => {
  it("lists consents and shows the police the referral's status under consent, logged as a disclosure", async () => {
    const records = await recordsOfEveryKind(w);
    const consent = await giveConsent(w, w.person.id, ["POLICE", "SOCIAL"]);
    const overview = await getConsentOverview({ actor: w.actors.POLICE, personId: w.person.id });
    expect(overview.consents.map((c) => [c.id, c.isActive, c.recordedBy])).toEqual([
      [consent.id, true, w.users.SOCIAL.name],
    ]);
    expect(overview.shared.referrals).toEqual([
      {
        id: records.referral.id,
        status: "REFERRED",
        statusChangedAt: expect.any(Date),
        referredAt: expect.any(Date),
        closedAt: null,
      },
    ]);
    // Status only: nothing of the referral's content travels.
    expect(Object.keys(overview.shared.referrals[0]!).sort()).toEqual([
      "closedAt",
      "id",
      "referredAt",
      "status",
      "statusChangedAt",
    ]);
    expect(overview.shared.followUps).toEqual([]);

    const disclosure = await db.disclosure.findFirstOrThrow();
    expect(disclosure).toMatchObject({
      personId: w.person.id,
      fromAgency: "SOCIAL",
      toAgency: "POLICE",
      legalBasis: "CONSENT",
      consentId: consent.id,
      entityType: "Referral",
      entityId: records.referral.id,
      actorId: w.users.POLICE.id,
    });
    expect(
      await db.auditEvent.count({ where: { action: "DISCLOSE", personId: w.person.id, actorId: w.users.POLICE.id } }),
    ).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "READ", entityType: "Consent" } })).toBe(1);

    // Withdrawn: the status is gone at once, and nothing more is disclosed.
    await withdrawConsent({ actor: w.actors.SOCIAL, input: { consentId: consent.id, version: 1 } });
    const after = await getConsentOverview({ actor: w.actors.POLICE, personId: w.person.id });
    expect(after.shared.referrals).toEqual([]);
    expect(after.consents[0]!.isActive).toBe(false);
    expect(await db.disclosure.count()).toBe(1);
  });

  it("shows social services probation's follow-ups under consent, and never their own as a disclosure", async () => {
    const records = await recordsOfEveryKind(w);
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "SOCIAL",
      assignedToId: w.users.SOCIAL.id,
      dueOn: new Date("2026-04-01"),
    });
    expect((await getConsentOverview({ actor: w.actors.SOCIAL, personId: w.person.id })).shared).toEqual({
      referrals: [],
      followUps: [],
    });
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    const overview = await getConsentOverview({ actor: w.actors.SOCIAL, personId: w.person.id });
    expect(overview.shared.followUps.map((f) => [f.id, f.agency])).toEqual([[records.followUp.id, "PROBATION"]]);
    expect(
      await db.disclosure.findMany({ select: { fromAgency: true, toAgency: true, consentId: true, entityType: true } }),
    ).toEqual([{ fromAgency: "PROBATION", toAgency: "SOCIAL", consentId: consent.id, entityType: "FollowUp" }]);
  });

  it("tells the form that a minor needs the guardian's consent", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: { birthDate: new Date(Date.UTC(new Date().getUTCFullYear() - 15, 0, 1)) },
    });
    expect((await getConsentOverview({ actor: w.actors.SOCIAL, personId: w.person.id })).person).toMatchObject({
      isMinor: true,
      hasBirthDate: true,
    });
  });

  it("is behind the caseload gate, and closed to managers and administrators", async () => {
    await expect(getConsentOverview({ actor: w.actors.SOCIAL, personId: w.secondPerson.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    for (const role of ["MANAGER", "ADMIN"] as const)
      await expect(getConsentOverview({ actor: w.actors[role], personId: w.person.id })).rejects.toBeInstanceOf(
        NotFoundError,
      );
  });
});
