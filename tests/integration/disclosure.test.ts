import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordDisclosures } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import { giveConsent, makeWorld, recordsOfEveryKind, type World } from "./fixtures";

let w: World;
let records: Awaited<ReturnType<typeof recordsOfEveryKind>>;
beforeEach(async () => {
  w = await makeWorld();
  records = await recordsOfEveryKind(w);
});

describe("recording disclosures", () => {
  it("writes one row per record with the covering consent, and one DISCLOSE audit event per person", async () => {
    const older = await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"], { givenOn: new Date("2025-01-01") });
    const newer = await giveConsent(w, w.person.id, ["POLICE", "SOCIAL", "PROBATION"], {
      givenOn: new Date("2026-01-01"),
    });
    const n = await recordDisclosures(w.actors.PROBATION, [
      {
        personId: w.person.id,
        fromAgency: "SOCIAL",
        kind: "REFERRAL_STATUS",
        entityType: "Referral",
        entityId: records.referral.id,
      },
      {
        personId: w.person.id,
        fromAgency: "SOCIAL",
        kind: "SUPPORT_MEASURE_STATUS",
        entityType: "SupportMeasure",
        entityId: records.supportMeasure.id,
      },
      // The same record twice (a list and a detail in one view) is one disclosure.
      {
        personId: w.person.id,
        fromAgency: "SOCIAL",
        kind: "REFERRAL_STATUS",
        entityType: "Referral",
        entityId: records.referral.id,
      },
      // Probation's own information is not a disclosure to probation.
      {
        personId: w.person.id,
        fromAgency: "PROBATION",
        kind: "FOLLOW_UP",
        entityType: "FollowUp",
        entityId: records.followUp.id,
      },
    ]);
    expect(n).toBe(2);
    const rows = await db.disclosure.findMany({ orderBy: { entityType: "asc" } });
    expect(rows.map((r) => [r.entityType, r.fromAgency, r.toAgency, r.legalBasis, r.consentId])).toEqual([
      ["Referral", "SOCIAL", "PROBATION", "CONSENT", newer.id],
      ["SupportMeasure", "SOCIAL", "PROBATION", "CONSENT", newer.id],
    ]);
    expect(older.id).not.toBe(newer.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "DISCLOSE" } });
    expect(audit).toMatchObject({ actorId: w.users.PROBATION.id, personId: w.person.id, entityType: "Disclosure" });
    expect(audit.metadata).toEqual({
      toAgency: "PROBATION",
      legalBasis: "CONSENT",
      consentIds: [newer.id],
      shown: [
        { fromAgency: "SOCIAL", entityType: "Referral", entityIds: [records.referral.id] },
        { fromAgency: "SOCIAL", entityType: "SupportMeasure", entityIds: [records.supportMeasure.id] },
      ],
    });
  });

  it("keeps the consent the query matched when it is given", async () => {
    const a = await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"]);
    await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"], { givenOn: new Date("2026-02-01") });
    await recordDisclosures(w.actors.POLICE, [
      {
        personId: w.person.id,
        fromAgency: "SOCIAL",
        kind: "REFERRAL_STATUS",
        entityType: "Referral",
        entityId: records.referral.id,
        consentId: a.id,
      },
    ]);
    expect((await db.disclosure.findFirstOrThrow()).consentId).toBe(a.id);
  });

  it("fails closed, writing nothing, when no consent covers both agencies any more", async () => {
    await giveConsent(w, w.person.id, ["SOCIAL", "PROBATION"]);
    await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"], { withdrawnAt: new Date() });
    await expect(
      recordDisclosures(w.actors.POLICE, [
        { personId: w.secondPerson.id, fromAgency: "SOCIAL", kind: "REFERRAL_STATUS", entityType: "Referral" },
        {
          personId: w.person.id,
          fromAgency: "SOCIAL",
          kind: "REFERRAL_STATUS",
          entityType: "Referral",
          entityId: records.referral.id,
        },
      ]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.disclosure.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("records a statutory basis with its justification instead of a consent", async () => {
    await recordDisclosures(
      w.actors.POLICE,
      [
        {
          personId: w.person.id,
          fromAgency: "SOCIAL",
          kind: "REFERRAL_STATUS",
          entityType: "Referral",
          entityId: records.referral.id,
        },
      ],
      {
        basis: { legalBasis: "OSL_10_18A", detail: "Under 21, brottsförebyggande samverkan" },
      },
    );
    expect(await db.disclosure.findFirstOrThrow()).toMatchObject({
      legalBasis: "OSL_10_18A",
      legalBasisDetail: "Under 21, brottsförebyggande samverkan",
      consentId: null,
    });
  });

  it("is for agency users only: nothing is disclosed to a manager or an administrator", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(
        recordDisclosures(w.actors[role], [
          { personId: w.person.id, fromAgency: "SOCIAL", kind: "REFERRAL_STATUS", entityType: "Referral" },
        ]),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await recordDisclosures(w.actors.SOCIAL, [])).toBe(0);
  });
});
