import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError, getAccessPrompt, requirePersonAccess } from "@/lib/access";
import { ACCESS_GRANT_MINUTES } from "@/lib/access/reasons";
import { revealIdentityNumber } from "@/lib/access/reveal";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { ZGrantPersonAccess } from "@/lib/access/schemas";
import { getPersonFile } from "@/lib/people/queries";
import { createAssignment } from "../factories";
import { makeWorld, type World } from "./world";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const minutes = (n: number) => n * 60_000;

describe("the caseload gate", () => {
  it("opens the file of a person on the actor's own caseload without asking", async () => {
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users.POLICE.id, agency: "POLICE" });
    expect(await requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id })).toEqual({ basis: "caseload" });
    await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    const read = await db.auditEvent.findFirstOrThrow({ where: { action: "READ", entityType: "Person" } });
    expect(read).toMatchObject({ reason: null, metadata: { access: "caseload" } });
  });

  it("asks for a reason outside the caseload, even when a colleague of the same agency coordinates the person", async () => {
    const colleague = await db.user.create({ data: { siteId: w.site.id, role: "POLICE", email: "kollega@test.invalid", name: "Kollega", passwordHash: "x" } });
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: colleague.id, agency: "POLICE" });
    await expect(getPersonFile({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(AccessReasonRequiredError);
    // An ended assignment is no longer a caseload either.
    await db.assignment.create({ data: { siteId: w.site.id, personId: w.person.id, userId: w.users.POLICE.id, agency: "POLICE", endedAt: new Date(), createdById: w.users.POLICE.id } });
    await expect(requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect(await db.auditEvent.count({ where: { action: "READ", entityType: "Person" } })).toBe(0);
  });

  it("records the reason, puts it on every read under it, and remembers it for a limited time only", async () => {
    const t0 = new Date();
    const granted = await requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, reason: { code: "COVERING_COLLEAGUE", text: "Ordinarie sekreterare sjuk" } });
    expect(granted).toMatchObject({ basis: "reason", reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk" });
    const grant = await db.auditEvent.findFirstOrThrow({ where: { entityType: "PersonAccess" } });
    expect(grant).toMatchObject({ action: "READ", actorId: w.users.SOCIAL.id, personId: w.person.id, reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk" });
    expect(grant.metadata).toEqual({ reasonCode: "COVERING_COLLEAGUE", grantMinutes: ACCESS_GRANT_MINUTES });

    await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    const reads = await db.auditEvent.findMany({ where: { action: "READ", entityType: "Person" } });
    expect(reads).toHaveLength(2);
    for (const read of reads) expect(read).toMatchObject({ reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk", metadata: { access: "reason" } });

    const justBefore = new Date(t0.getTime() + minutes(ACCESS_GRANT_MINUTES) - 1000);
    await expect(requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, now: justBefore })).resolves.toMatchObject({ basis: "reason" });
    const after = new Date(t0.getTime() + minutes(ACCESS_GRANT_MINUTES) + 1000);
    await expect(requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, now: after })).rejects.toBeInstanceOf(AccessReasonRequiredError);
  });

  it("never carries a reason over to another user or another person", async () => {
    await requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
    await expect(requirePersonAccess({ actor: w.actors.PROBATION, personId: w.person.id })).rejects.toBeInstanceOf(AccessReasonRequiredError);
    await expect(requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.secondPerson.id })).rejects.toBeInstanceOf(AccessReasonRequiredError);
  });

  it("answers not found, not 'give a reason', for people the actor may not see at all", async () => {
    const cases: [keyof World["actors"], string][] = [
      ["POLICE", w.otherPerson.id],
      ["POLICE", "00000000-0000-7000-8000-000000000000"],
      ["POLICE", "inte-ett-id"],
      ["MANAGER", w.person.id],
      ["ADMIN", w.person.id],
    ];
    for (const [role, personId] of cases) {
      await expect(requirePersonAccess({ actor: w.actors[role], personId, reason: { code: "OTHER", text: "försök" } }), `${role} ${personId}`).rejects.toBeInstanceOf(NotFoundError);
    }
    await db.person.update({ where: { id: w.person.id }, data: { anonymisedAt: new Date() } });
    await expect(requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id, reason: { code: "OTHER", text: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("the reason form refuses a missing reason, 'other' without text and personnummer in the text, and records nothing", async () => {
    const submit = (fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      return handleForm(fd, ZGrantPersonAccess, (input) => requirePersonAccess({ actor: w.actors.SOCIAL, personId: input.personId, reason: { code: input.reasonCode, text: input.reasonText } }));
    };
    expect(await submit({ personId: w.person.id, reasonCode: "" })).toMatchObject({ status: "error", fieldErrors: { reasonCode: "required" } });
    expect(await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: " " })).toMatchObject({ fieldErrors: { reasonText: "reasonTextRequired" } });
    expect(await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: "Gäller 19811218-9876" })).toMatchObject({ fieldErrors: { reasonText: "noIdentityNumbers" } });
    expect(await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: "x".repeat(301) })).toMatchObject({ fieldErrors: { reasonText: "tooLong" } });
    expect(await submit({ personId: w.otherPerson.id, reasonCode: "PLANNED_CONTACT" })).toMatchObject({ status: "error", formError: "notFound" });
    expect(await db.auditEvent.count()).toBe(0);
    expect(await submit({ personId: w.person.id, reasonCode: "PLANNED_CONTACT" })).toEqual({ status: "success" });
    expect(await db.auditEvent.count({ where: { entityType: "PersonAccess", reason: "PLANNED_CONTACT" } })).toBe(1);
  });

  it("the reason page shows only the name, is logged, and is skipped when access is already there", async () => {
    expect(await getAccessPrompt({ actor: w.actors.PROBATION, personId: w.person.id })).toEqual({ id: w.person.id, name: "Testa Testsson" });
    expect(await db.auditEvent.count({ where: { entityType: "PersonAccessPrompt", actorId: w.users.PROBATION.id } })).toBe(1);
    await requirePersonAccess({ actor: w.actors.PROBATION, personId: w.person.id, reason: { code: "PLANNED_CONTACT" } });
    expect(await getAccessPrompt({ actor: w.actors.PROBATION, personId: w.person.id })).toBeNull();
  });
});

describe("revealing the personnummer", () => {
  it("returns the full number and logs the reveal, never the number itself", async () => {
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users.PROBATION.id, agency: "PROBATION" });
    const { identityNumber } = await revealIdentityNumber({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(identityNumber).toBe(`${w.person.identityNumber!.slice(0, 8)}-${w.person.identityNumber!.slice(8)}`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "REVEAL_IDENTITY_NUMBER" } });
    expect(event).toMatchObject({ actorId: w.users.PROBATION.id, personId: w.person.id, entityId: w.person.id, reason: null });
    expect(`${event.reason} ${JSON.stringify(event.metadata)}`).not.toContain(w.person.identityNumber!.slice(8));
  });

  it("outside the caseload needs the reason first, and logs the reveal with it", async () => {
    await expect(revealIdentityNumber({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toBe(0);
    await requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id, reason: { code: "RISK_ASSESSMENT" } });
    await revealIdentityNumber({ actor: w.actors.POLICE, personId: w.person.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toMatchObject({ reason: "RISK_ASSESSMENT" });
  });

  it("is not for managers, administrators or another site, and logs nothing for them", async () => {
    for (const [actor, personId] of [
      [w.actors.MANAGER, w.person.id],
      [w.actors.ADMIN, w.person.id],
      [w.otherActor, w.person.id],
    ] as const) {
      await expect(revealIdentityNumber({ actor, personId })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("reveals nothing for a person without a number", async () => {
    const noNumber = await db.person.create({ data: { siteId: w.site.id, firstName: "Utan", lastName: "Nummer", createdById: w.users.POLICE.id } });
    await createAssignment(db, { siteId: w.site.id, personId: noNumber.id, userId: w.users.POLICE.id, agency: "POLICE" });
    expect(await revealIdentityNumber({ actor: w.actors.POLICE, personId: noNumber.id })).toEqual({ identityNumber: null });
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toBe(0);
  });
});
