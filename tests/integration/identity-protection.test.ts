import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError } from "@/lib/caseload-gate";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { setIdentityProtection } from "@/lib/people/protection";
import { getPersonFile } from "@/lib/people/queries";
import { addSupportMeasure } from "@/lib/referrals/mutations";
import { ZAddSupportMeasure } from "@/lib/referrals/schemas";
import { createAssignment, createReferral } from "@/prisma/factories";
import { assignAll, makeWorld, submitWith, type World } from "./fixtures";

/*
 * Protected identity (skyddade personuppgifter) is set and ended in the app by social services,
 * audited, and asked at every relocation (default: protected). Before, only the demo seed could set
 * it, and a relocation stored the new town without protecting it.
 */

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  await assignAll(w);
});

const version = async () => (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).version;
const protect = async (actor: World["actors"]["SOCIAL"], answer: "yes" | "no", v?: number) =>
  setIdentityProtection({ actor, input: { personId: w.person.id, version: v ?? (await version()), protect: answer } });
const isProtected = async () =>
  (await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).hasProtectedIdentity;

describe("a relocation", () => {
  async function relocate(protectTown?: "yes" | "no") {
    const referral = await createReferral(db, {
      siteId: w.site.id,
      personId: w.person.id,
      source: "SELF",
      referredAt: new Date("2026-01-10T10:00:00Z"),
      statusChangedAt: new Date("2026-01-10T10:00:00Z"),
      createdById: w.users.SOCIAL.id,
    });
    return submitWith(ZAddSupportMeasure, (input) => addSupportMeasure({ actor: w.actors.SOCIAL, input }))({
      referralId: referral.id,
      type: "RELOCATION",
      status: "ONGOING",
      startsOn: "2026-02-01",
      destinationTown: "Ny ort",
      markRelocated: "on",
      protectTown,
    });
  }

  it("protects the new town when the secretary answers yes: only the handler sees it", async () => {
    expect(await relocate("yes")).toEqual({ status: "success" });
    expect(await isProtected()).toBe(true);
    expect((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).protectedLocation).toEqual({
      town: "Ny ort",
      address: null,
    });
    for (const role of ["POLICE", "PROBATION"] as const)
      expect(JSON.stringify(await getPersonFile({ actor: w.actors[role], personId: w.person.id }))).not.toContain(
        "Ny ort",
      );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityType: "Person" } });
    expect(audit.metadata).toMatchObject({
      fields: ["status", "statusSince", "protectedTown", "hasProtectedIdentity"],
      protectedIdentity: true,
    });
  });

  it("keeps the town with social services, unprotected, when the secretary answers no", async () => {
    expect(await relocate("no")).toEqual({ status: "success" });
    expect(await isProtected()).toBe(false);
    expect((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).protectedLocation).toEqual({
      town: "Ny ort",
      address: null,
    });
    for (const role of ["POLICE", "PROBATION"] as const)
      expect(JSON.stringify(await getPersonFile({ actor: w.actors[role], personId: w.person.id }))).not.toContain(
        "Ny ort",
      );
  });

  it("asks: without an answer nothing is saved", async () => {
    expect(await relocate()).toMatchObject({ status: "error", fieldErrors: { protectTown: "protectTownRequired" } });
    expect(await db.supportMeasure.count()).toBe(0);
    expect(await isProtected()).toBe(false);
  });
});

describe("protecting a person's identity on their file", () => {
  it("is done by social services, audited with the access basis, and counts as activity", async () => {
    const before = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    await protect(w.actors.SOCIAL, "yes");
    const after = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(after).toMatchObject({ hasProtectedIdentity: true, version: before.version + 1 });
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityType: "Person" } });
    expect(audit).toMatchObject({
      actorId: w.users.SOCIAL.id,
      personId: w.person.id,
      metadata: { fields: ["hasProtectedIdentity"], protectedIdentity: true, access: "caseload" },
    });
    expect((await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id })).can).toMatchObject({
      protectIdentity: false,
      endProtection: true,
    });
  });

  it("is refused to the police, probation, managers, administrators and another site, changing nothing", async () => {
    for (const actor of [w.actors.POLICE, w.actors.PROBATION, w.actors.MANAGER, w.actors.ADMIN, w.otherActor]) {
      await expect(protect(actor, "yes")).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await isProtected()).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "UPDATE" } })).toBe(0);
    for (const role of ["POLICE", "PROBATION"] as const)
      expect((await getPersonFile({ actor: w.actors[role], personId: w.person.id })).can).toMatchObject({
        protectIdentity: false,
        endProtection: false,
      });
  });

  it("is ended only by a social secretary handling the person, who alone sees the protected town", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: { hasProtectedIdentity: true, protectedTown: "Skyddad ort" },
    });
    // A colleague at social services without the person on their caseload, who gave a reason.
    await db.assignment.updateMany({
      where: { personId: w.person.id, agency: "SOCIAL" },
      data: { endedAt: new Date() },
    });
    const { requirePersonAccess } = await import("@/lib/caseload-gate");
    await requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
    await expect(protect(w.actors.SOCIAL, "no")).rejects.toBeInstanceOf(NotFoundError);
    expect(await isProtected()).toBe(true);
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    await protect(w.actors.SOCIAL, "no");
    expect(await isProtected()).toBe(false);
    expect(
      (await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE", entityType: "Person" } })).metadata,
    ).toMatchObject({ protectedIdentity: false });
  });

  it("refuses a stale version and a change to what already holds", async () => {
    const v = await version();
    await protect(w.actors.SOCIAL, "yes", v);
    await expect(protect(w.actors.SOCIAL, "no", v)).rejects.toBeInstanceOf(ConflictError);
    await expect(protect(w.actors.SOCIAL, "yes")).rejects.toBeInstanceOf(RuleError);
    expect(await isProtected()).toBe(true);
  });

  it("is behind the caseload gate", async () => {
    await expect(
      setIdentityProtection({
        actor: w.actors.SOCIAL,
        input: { personId: w.secondPerson.id, version: 1, protect: "yes" },
      }),
    ).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect((await db.person.findUniqueOrThrow({ where: { id: w.secondPerson.id } })).hasProtectedIdentity).toBe(false);
  });
});
