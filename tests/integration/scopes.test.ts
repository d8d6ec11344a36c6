import { beforeEach, describe, expect, it } from "vitest";
import { enforcementWhere, followUpWhere, referralWhere, supportMeasureWhere } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { giveConsent, makeWorld, type World } from "./fixtures";
import { createFollowUp, createReferral, createSupportMeasure } from "@/prisma/factories";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

async function referralFor(personId: string) {
  const referral = await createReferral(db, {
    siteId: w.site.id,
    personId,
    source: "SELF",
    referredAt: new Date("2026-01-10T10:00:00Z"),
    createdById: w.users.SOCIAL.id,
  });
  await createSupportMeasure(db, {
    siteId: w.site.id,
    referralId: referral.id,
    personId,
    type: "HOUSING",
    startsOn: new Date("2026-02-01"),
    createdById: w.users.SOCIAL.id,
  });
  return referral;
}

async function consent(
  personId: string,
  agencies: ("POLICE" | "SOCIAL" | "PROBATION")[],
  withdrawnAt: Date | null = null,
) {
  return giveConsent(w, personId, agencies, { withdrawnAt });
}

describe("consent decides what crosses between agencies", () => {
  it("shows social services' referrals to police and probation only while consent names both agencies", async () => {
    await referralFor(w.person.id);
    const count = (role: "POLICE" | "SOCIAL" | "PROBATION") =>
      db.referral.count({ where: referralWhere(w.actors[role]) });
    expect(await count("SOCIAL")).toBe(1);
    expect(await count("POLICE")).toBe(0);
    expect(await count("PROBATION")).toBe(0);

    await consent(w.person.id, ["SOCIAL", "PROBATION"]);
    expect(await count("PROBATION")).toBe(1);
    expect(await count("POLICE")).toBe(0);
    expect(await db.supportMeasure.count({ where: supportMeasureWhere(w.actors.PROBATION) })).toBe(1);

    // Withdrawal takes effect at once.
    await db.consent.updateMany({ data: { withdrawnAt: new Date() } });
    expect(await count("PROBATION")).toBe(0);
    expect(await db.supportMeasure.count({ where: supportMeasureWhere(w.actors.PROBATION) })).toBe(0);
  });

  it("shows probation's follow-ups to social services only with consent, never to the police", async () => {
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "PROBATION",
      assignedToId: w.users.PROBATION.id,
      dueOn: new Date("2026-03-01"),
    });
    await createFollowUp(db, {
      siteId: w.site.id,
      personId: w.person.id,
      agency: "SOCIAL",
      assignedToId: w.users.SOCIAL.id,
      dueOn: new Date("2026-03-02"),
    });
    // Each agency its own; the other's only with consent, both ways (docs/decisions/005).
    expect(await db.followUp.count({ where: followUpWhere(w.actors.PROBATION) })).toBe(1);
    expect(await db.followUp.count({ where: followUpWhere(w.actors.SOCIAL) })).toBe(1);
    expect(() => followUpWhere(w.actors.POLICE)).toThrow(NotFoundError);
    await consent(w.person.id, ["POLICE", "SOCIAL", "PROBATION"]);
    expect(await db.followUp.count({ where: followUpWhere(w.actors.SOCIAL) })).toBe(2);
    expect(await db.followUp.count({ where: followUpWhere(w.actors.PROBATION) })).toBe(2);
    // Consent shows another agency's follow-ups; editing stays with the agency that wrote them.
    expect(await db.followUp.count({ where: followUpWhere(w.actors.SOCIAL, "update") })).toBe(1);
  });

  it("keeps enforcement actions with the police", () => {
    expect(enforcementWhere(w.actors.POLICE)).toMatchObject({ siteId: w.site.id });
    for (const role of ["SOCIAL", "PROBATION", "MANAGER", "ADMIN"] as const)
      expect(() => enforcementWhere(w.actors[role])).toThrow(NotFoundError);
  });
});

describe("optimistic locking", () => {
  it("updates with the version the user saw, and refuses the second of two concurrent edits", async () => {
    const where = { siteId: w.site.id };
    await updateVersioned(db.person, { where, id: w.person.id, version: 1, data: { aliases: ["Första"] } });
    await expect(
      updateVersioned(db.person, { where, id: w.person.id, version: 1, data: { aliases: ["Andra"] } }),
    ).rejects.toBeInstanceOf(ConflictError);
    const saved = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(saved).toMatchObject({ aliases: ["Första"], version: 2 });
  });

  it("answers not found outside the actor's scope", async () => {
    await expect(
      updateVersioned(db.person, {
        where: { siteId: w.site.id },
        id: w.otherPerson.id,
        version: 1,
        data: { aliases: ["X"] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.person.findUniqueOrThrow({ where: { id: w.otherPerson.id } })).aliases).toEqual([]);
  });
});
