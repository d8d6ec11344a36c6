import { beforeEach, describe, expect, it } from "vitest";
import { AccessReasonRequiredError, getAccessPrompt, requirePersonAccess } from "@/lib/caseload-gate";
import { ACCESS_GRANT_MINUTES } from "@/lib/caseload-gate/reasons";
import { revealIdentityNumber } from "@/lib/people/reveal";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { ZGrantPersonAccess } from "@/lib/caseload-gate/schemas";
import { recordEnforcementAction } from "@/lib/enforcement/mutations";
import { getEnforcementFormOptions } from "@/lib/enforcement/queries";
import { completeFollowUp, deleteFollowUp, logFollowUp, rescheduleFollowUp } from "@/lib/followups/mutations";
import { getFollowUp, getFollowUpFormOptions } from "@/lib/followups/queries";
import { ZLogFollowUp } from "@/lib/followups/schemas";
import { addMembership, updateMembership } from "@/lib/groups/mutations";
import { getMembershipForEdit, getMembershipFormOptions } from "@/lib/groups/queries";
import { logNotification, updateNotification } from "@/lib/notifications/mutations";
import { getNotificationForEdit, getNotificationFormOptions } from "@/lib/notifications/queries";
import { createPerson, DuplicateIdentityNumberError, updatePerson } from "@/lib/people/mutations";
import { getPersonFile } from "@/lib/people/queries";
import { addSupportMeasure, changeReferralStatus, createReferral, editSupportMeasure } from "@/lib/referrals/mutations";
import {
  getReferral,
  getReferralFormOptions,
  getSupportMeasureForEdit,
  getSupportMeasureFormOptions,
} from "@/lib/referrals/queries";
import { createAssignment, createGroup, createMembership, createUser } from "@/prisma/factories";
import { giveConsent, makeWorld, recordsOfEveryKind, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const minutes = (n: number) => n * 60_000;

describe("the caseload gate", () => {
  it("opens the file of a person on the actor's own caseload without asking", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    expect(await requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id })).toEqual({ basis: "caseload" });
    await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    const read = await db.auditEvent.findFirstOrThrow({ where: { action: "READ", entityType: "Person" } });
    expect(read).toMatchObject({ reason: null, metadata: { access: "caseload" } });
  });

  it("asks for a reason outside the caseload, even when a colleague of the same agency coordinates the person", async () => {
    const colleague = await createUser(db, { siteId: w.site.id, role: "POLICE", name: "Kollega" });
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: colleague.id, agency: "POLICE" });
    await expect(getPersonFile({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    // An ended assignment is no longer a caseload either.
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
      endedAt: new Date(),
    });
    await expect(requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    expect(await db.auditEvent.count({ where: { action: "READ", entityType: "Person" } })).toBe(0);
  });

  it("records the reason, puts it on every read under it, and remembers it for a limited time only", async () => {
    const t0 = new Date();
    const granted = await requirePersonAccess({
      actor: w.actors.SOCIAL,
      personId: w.person.id,
      reason: { code: "COVERING_COLLEAGUE", text: "Ordinarie sekreterare sjuk" },
    });
    expect(granted).toMatchObject({ basis: "reason", reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk" });
    const grant = await db.auditEvent.findFirstOrThrow({ where: { entityType: "PersonAccess" } });
    expect(grant).toMatchObject({
      action: "READ",
      actorId: w.users.SOCIAL.id,
      personId: w.person.id,
      reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk",
    });
    expect(grant.metadata).toEqual({ reasonCode: "COVERING_COLLEAGUE", grantMinutes: ACCESS_GRANT_MINUTES });

    await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    const reads = await db.auditEvent.findMany({ where: { action: "READ", entityType: "Person" } });
    expect(reads).toHaveLength(2);
    for (const read of reads)
      expect(read).toMatchObject({
        reason: "COVERING_COLLEAGUE: Ordinarie sekreterare sjuk",
        metadata: { access: "reason" },
      });

    const justBefore = new Date(t0.getTime() + minutes(ACCESS_GRANT_MINUTES) - 1000);
    await expect(
      requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, now: justBefore }),
    ).resolves.toMatchObject({ basis: "reason" });
    const after = new Date(t0.getTime() + minutes(ACCESS_GRANT_MINUTES) + 1000);
    await expect(
      requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, now: after }),
    ).rejects.toBeInstanceOf(AccessReasonRequiredError);
  });

  it("never carries a reason over to another user or another person", async () => {
    await requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.person.id, reason: { code: "JOINT_PLANNING" } });
    await expect(requirePersonAccess({ actor: w.actors.PROBATION, personId: w.person.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    await expect(requirePersonAccess({ actor: w.actors.SOCIAL, personId: w.secondPerson.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
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
      await expect(
        requirePersonAccess({ actor: w.actors[role], personId, reason: { code: "OTHER", text: "försök" } }),
        `${role} ${personId}`,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await db.person.update({ where: { id: w.person.id }, data: { anonymisedAt: new Date() } });
    await expect(
      requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id, reason: { code: "OTHER", text: "x" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("the reason form refuses a missing reason, 'other' without text and personnummer in the text, and records nothing", async () => {
    const submit = (fields: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      return handleForm(fd, ZGrantPersonAccess, (input) =>
        requirePersonAccess({
          actor: w.actors.SOCIAL,
          personId: input.personId,
          reason: { code: input.reasonCode, text: input.reasonText },
        }),
      );
    };
    expect(await submit({ personId: w.person.id, reasonCode: "" })).toMatchObject({
      status: "error",
      fieldErrors: { reasonCode: "required" },
    });
    expect(await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: " " })).toMatchObject({
      fieldErrors: { reasonText: "reasonTextRequired" },
    });
    expect(
      await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: "Gäller 19811218-9876" }),
    ).toMatchObject({ fieldErrors: { reasonText: "noIdentityNumbers" } });
    expect(await submit({ personId: w.person.id, reasonCode: "OTHER", reasonText: "x".repeat(301) })).toMatchObject({
      fieldErrors: { reasonText: "tooLong" },
    });
    expect(await submit({ personId: w.otherPerson.id, reasonCode: "PLANNED_CONTACT" })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await db.auditEvent.count()).toBe(0);
    expect(await submit({ personId: w.person.id, reasonCode: "PLANNED_CONTACT" })).toEqual({ status: "success" });
    expect(await db.auditEvent.count({ where: { entityType: "PersonAccess", reason: "PLANNED_CONTACT" } })).toBe(1);
  });

  it("the reason page shows only the name, is logged, and is skipped when access is already there", async () => {
    expect(await getAccessPrompt({ actor: w.actors.PROBATION, personId: w.person.id })).toEqual({
      id: w.person.id,
      name: "Testa Testsson",
    });
    expect(
      await db.auditEvent.count({ where: { entityType: "PersonAccessPrompt", actorId: w.users.PROBATION.id } }),
    ).toBe(1);
    await requirePersonAccess({
      actor: w.actors.PROBATION,
      personId: w.person.id,
      reason: { code: "PLANNED_CONTACT" },
    });
    expect(await getAccessPrompt({ actor: w.actors.PROBATION, personId: w.person.id })).toBeNull();
  });
});

describe("revealing the personnummer", () => {
  it("returns the full number and logs the reveal, never the number itself", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
    });
    const { identityNumber } = await revealIdentityNumber({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(identityNumber).toBe(`${w.person.identityNumber!.slice(0, 8)}-${w.person.identityNumber!.slice(8)}`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "REVEAL_IDENTITY_NUMBER" } });
    expect(event).toMatchObject({
      actorId: w.users.PROBATION.id,
      personId: w.person.id,
      entityId: w.person.id,
      reason: null,
    });
    expect(`${event.reason} ${JSON.stringify(event.metadata)}`).not.toContain(w.person.identityNumber!.slice(8));
  });

  it("outside the caseload needs the reason first, and logs the reveal with it", async () => {
    await expect(revealIdentityNumber({ actor: w.actors.POLICE, personId: w.person.id })).rejects.toBeInstanceOf(
      AccessReasonRequiredError,
    );
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toBe(0);
    await requirePersonAccess({ actor: w.actors.POLICE, personId: w.person.id, reason: { code: "RISK_ASSESSMENT" } });
    await revealIdentityNumber({ actor: w.actors.POLICE, personId: w.person.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toMatchObject({
      reason: "RISK_ASSESSMENT",
    });
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
    const noNumber = await db.person.create({
      data: { siteId: w.site.id, firstName: "Utan", lastName: "Nummer", createdById: w.users.POLICE.id },
    });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: noNumber.id,
      userId: w.users.POLICE.id,
      agency: "POLICE",
    });
    expect(await revealIdentityNumber({ actor: w.actors.POLICE, personId: noNumber.id })).toEqual({
      identityNumber: null,
    });
    expect(await db.auditEvent.count({ where: { action: "REVEAL_IDENTITY_NUMBER" } })).toBe(0);
  });
});

/*
 * The gate on every function that reads or changes one person's data, not only the file page
 * (docs/decisions/005): for each, someone of the right agency without the person on their
 * caseload and without a reason is asked for one (AccessReasonRequiredError) and nothing is read
 * into the log or changed; with a reason the call works and its audit events carry the reason;
 * with an assignment it works without one.
 */
describe("the caseload gate on every function about one person", () => {
  type Role = "POLICE" | "SOCIAL" | "PROBATION";
  type Fixture = Awaited<ReturnType<typeof gatedFixture>>;
  type Case = {
    name: string;
    role: Role;
    person: "first" | "second";
    run: (f: Fixture, actor: World["actors"][Role]) => Promise<unknown>;
  };

  const past = new Date(Date.now() - 86_400_000);
  const pastDay = new Date(`${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
  const none = undefined;
  const notificationInput = {
    occurredAt: past,
    placeType: "HOME" as const,
    placeDescription: none,
    agencies: ["POLICE" as const],
    participantIds: [],
    outcome: "ATTEMPTED" as const,
    response: none,
    askedForHelpOnSite: false,
    nextStep: none,
    internalNote: none,
  };
  const membershipInput = {
    validFrom: new Date("2024-01-01"),
    role: "MEMBER",
    sourceAgency: "POLICE",
    confidence: "PROBABLE",
    reviewDueOn: new Date("2027-06-01"),
  } as const;
  const measureInput = {
    type: "HOUSING",
    status: "PLANNED",
    startsOn: pastDay,
    outcome: none,
    destinationTown: none,
    markRelocated: false,
  } as const;
  const version = async (find: () => Promise<{ version: number }>) => (await find()).version;

  async function gatedFixture() {
    const records = await recordsOfEveryKind(w);
    // Status-only referrals for the police need the person's consent naming both agencies.
    await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"]);
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const membership = await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    return { ...records, group, membership };
  }

  const cases: Case[] = [
    // pages
    {
      name: "getReferral (full)",
      role: "SOCIAL",
      person: "first",
      run: (f, actor) => getReferral({ actor, referralId: f.referral.id }),
    },
    {
      name: "getReferral (status only)",
      role: "POLICE",
      person: "first",
      run: (f, actor) => getReferral({ actor, referralId: f.referral.id }),
    },
    {
      name: "getSupportMeasureForEdit",
      role: "SOCIAL",
      person: "first",
      run: (f, actor) => getSupportMeasureForEdit({ actor, measureId: f.supportMeasure.id }),
    },
    {
      name: "getSupportMeasureFormOptions",
      role: "SOCIAL",
      person: "first",
      run: (f, actor) => getSupportMeasureFormOptions({ actor, referralId: f.referral.id }),
    },
    {
      name: "getFollowUp",
      role: "PROBATION",
      person: "first",
      run: (f, actor) => getFollowUp({ actor, followUpId: f.followUp.id }),
    },
    {
      name: "getNotificationForEdit",
      role: "POLICE",
      person: "first",
      run: (f, actor) => getNotificationForEdit({ actor, notificationId: f.notification.id }),
    },
    {
      name: "getNotificationFormOptions",
      role: "POLICE",
      person: "first",
      run: (_f, actor) => getNotificationFormOptions({ actor, personId: w.person.id }),
    },
    {
      name: "getMembershipFormOptions",
      role: "POLICE",
      person: "first",
      run: (_f, actor) => getMembershipFormOptions({ actor, personId: w.person.id }),
    },
    {
      name: "getMembershipForEdit",
      role: "POLICE",
      person: "first",
      run: (f, actor) => getMembershipForEdit({ actor, membershipId: f.membership.id }),
    },
    {
      name: "getFollowUpFormOptions",
      role: "PROBATION",
      person: "first",
      run: (_f, actor) => getFollowUpFormOptions({ actor, personId: w.person.id }),
    },
    {
      name: "getReferralFormOptions",
      role: "SOCIAL",
      person: "first",
      run: (_f, actor) => getReferralFormOptions({ actor, personId: w.person.id }),
    },
    {
      name: "getEnforcementFormOptions (person)",
      role: "POLICE",
      person: "first",
      run: (_f, actor) => getEnforcementFormOptions({ actor, personId: w.person.id }),
    },
    // mutations
    {
      name: "updatePerson",
      role: "POLICE",
      person: "first",
      run: async (_f, actor) =>
        updatePerson({
          actor,
          input: {
            personId: w.person.id,
            version: await version(() => db.person.findUniqueOrThrow({ where: { id: w.person.id } })),
            firstName: "Testa",
            lastName: "Testsson",
            aliases: [],
            status: "ACTIVE",
            confirmDuplicate: false,
          },
        }),
    },
    {
      name: "addMembership",
      role: "POLICE",
      person: "second",
      run: (f, actor) =>
        addMembership({ actor, input: { ...membershipInput, personId: w.secondPerson.id, groupId: f.group.id } }),
    },
    {
      name: "updateMembership",
      role: "POLICE",
      person: "first",
      run: async (f, actor) =>
        updateMembership({
          actor,
          input: {
            ...membershipInput,
            membershipId: f.membership.id,
            version: await version(() => db.membership.findUniqueOrThrow({ where: { id: f.membership.id } })),
            markReviewed: true,
          },
        }),
    },
    {
      name: "logNotification",
      role: "POLICE",
      person: "first",
      run: (_f, actor) => logNotification({ actor, input: { ...notificationInput, personId: w.person.id } }),
    },
    {
      name: "updateNotification",
      role: "POLICE",
      person: "first",
      run: async (f, actor) =>
        updateNotification({
          actor,
          input: {
            ...notificationInput,
            notificationId: f.notification.id,
            version: await version(() => db.customNotification.findUniqueOrThrow({ where: { id: f.notification.id } })),
          },
        }),
    },
    {
      name: "logFollowUp",
      role: "PROBATION",
      person: "first",
      run: (_f, actor) =>
        logFollowUp({
          actor,
          input: { personId: w.person.id, dueOn: pastDay, summary: none, assignedToId: none, notificationId: none },
        }),
    },
    {
      name: "completeFollowUp",
      role: "PROBATION",
      person: "first",
      run: async (f, actor) =>
        completeFollowUp({
          actor,
          input: {
            followUpId: f.followUp.id,
            version: await version(() => db.followUp.findUniqueOrThrow({ where: { id: f.followUp.id } })),
            doneAt: past,
            contactType: "PHONE",
            summary: none,
          },
        }),
    },
    {
      name: "rescheduleFollowUp",
      role: "PROBATION",
      person: "first",
      run: async (f, actor) =>
        rescheduleFollowUp({
          actor,
          input: {
            followUpId: f.followUp.id,
            version: await version(() => db.followUp.findUniqueOrThrow({ where: { id: f.followUp.id } })),
            dueOn: pastDay,
            assignedToId: none,
          },
        }),
    },
    {
      name: "deleteFollowUp",
      role: "PROBATION",
      person: "first",
      run: async (f, actor) =>
        deleteFollowUp({
          actor,
          input: {
            followUpId: f.followUp.id,
            version: await version(() => db.followUp.findUniqueOrThrow({ where: { id: f.followUp.id } })),
          },
        }),
    },
    {
      name: "createReferral",
      role: "SOCIAL",
      person: "second",
      run: (_f, actor) =>
        createReferral({
          actor,
          input: {
            personId: w.secondPerson.id,
            source: "SELF",
            referredAt: past,
            notificationId: none,
            callInId: none,
            comment: none,
          },
        }),
    },
    {
      name: "changeReferralStatus",
      role: "SOCIAL",
      person: "first",
      run: async (f, actor) =>
        changeReferralStatus({
          actor,
          input: {
            referralId: f.referral.id,
            version: await version(() => db.referral.findUniqueOrThrow({ where: { id: f.referral.id } })),
            toStatus: "CONTACTED",
            changedAt: new Date(),
            comment: none,
          },
        }),
    },
    {
      name: "addSupportMeasure",
      role: "SOCIAL",
      person: "first",
      run: (f, actor) => addSupportMeasure({ actor, input: { ...measureInput, referralId: f.referral.id } }),
    },
    {
      name: "editSupportMeasure",
      role: "SOCIAL",
      person: "first",
      run: async (f, actor) =>
        editSupportMeasure({
          actor,
          input: {
            ...measureInput,
            type: "RELOCATION",
            measureId: f.supportMeasure.id,
            version: await version(() => db.supportMeasure.findUniqueOrThrow({ where: { id: f.supportMeasure.id } })),
          },
        }),
    },
    {
      name: "recordEnforcementAction (person)",
      role: "POLICE",
      person: "first",
      run: (_f, actor) =>
        recordEnforcementAction({
          actor,
          input: {
            personId: w.person.id,
            type: "SEARCH",
            occurredAt: past,
            groupId: none,
            description: none,
            setDeprivedOfLiberty: false,
          },
        }),
    },
  ];

  /** Everything these functions could write: counts, and the versions and activity of the records. */
  async function snapshot() {
    const [audit, rows] = await Promise.all([
      db.auditEvent.count(),
      Promise.all([
        db.person.findMany({
          select: { id: true, version: true, status: true, lastActivityAt: true },
          orderBy: { id: "asc" },
        }),
        db.membership.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
        db.customNotification.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
        db.followUp.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
        db.referral.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
        db.referralStatusChange.count(),
        db.supportMeasure.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } }),
        db.enforcementAction.count(),
        db.disclosure.count(),
      ]),
    ]);
    return { audit, rows: JSON.stringify(rows) };
  }

  const personOf = (c: Case) => (c.person === "first" ? w.person.id : w.secondPerson.id);
  const maxAuditId = async () =>
    (await db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

  /** The events the call wrote about the person, besides disclosures (which carry the consent instead). */
  async function eventsSince(after: bigint, personId: string) {
    return db.auditEvent.findMany({
      where: { id: { gt: after }, personId, action: { not: "DISCLOSE" } },
      select: { action: true, entityType: true, reason: true, metadata: true },
    });
  }

  it.each(cases)("$name asks for a reason outside the caseload and writes nothing", async (c) => {
    const f = await gatedFixture();
    const before = await snapshot();
    await expect(c.run(f, w.actors[c.role])).rejects.toBeInstanceOf(AccessReasonRequiredError);
    expect(await snapshot()).toEqual(before);
  });

  it.each(cases)("$name works with a reason, and its audit events carry it", async (c) => {
    const f = await gatedFixture();
    await requirePersonAccess({
      actor: w.actors[c.role],
      personId: personOf(c),
      reason: { code: "RISK_ASSESSMENT", text: "Hot mot personen" },
    });
    const after = await maxAuditId();
    await c.run(f, w.actors[c.role]);
    const events = await eventsSince(after, personOf(c));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events)
      expect(e, `${e.action} ${e.entityType}`).toMatchObject({
        reason: "RISK_ASSESSMENT: Hot mot personen",
        metadata: { access: "reason" },
      });
  });

  it.each(cases)("$name works on the actor's own caseload without a question", async (c) => {
    const f = await gatedFixture();
    await createAssignment(db, {
      siteId: w.site.id,
      personId: personOf(c),
      userId: w.users[c.role].id,
      agency: c.role,
    });
    const after = await maxAuditId();
    await c.run(f, w.actors[c.role]);
    const events = await eventsSince(after, personOf(c));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events)
      expect(e, `${e.action} ${e.entityType}`).toMatchObject({ reason: null, metadata: { access: "caseload" } });
  });

  it("a form posted without a reason gets the question as a form error and keeps what was typed", async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      personId: w.person.id,
      dueOn: pastDay.toISOString().slice(0, 10),
      summary: "Ringa upp",
    }))
      fd.append(k, v);
    const before = await snapshot();
    const state = await handleForm(fd, ZLogFollowUp, (input) => logFollowUp({ actor: w.actors.PROBATION, input }));
    expect(state).toMatchObject({
      status: "error",
      formError: "accessReasonRequired",
      values: { summary: "Ringa upp" },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("managers and administrators are never asked: for them there is nothing to find", async () => {
    const f = await gatedFixture();
    for (const role of ["MANAGER", "ADMIN"] as const) {
      for (const c of cases) {
        await expect(c.run(f, w.actors[role] as World["actors"][Role]), `${role} ${c.name}`).rejects.not.toBeInstanceOf(
          AccessReasonRequiredError,
        );
      }
    }
  });
});

describe("a duplicate personnummer", () => {
  it("names the person holding it only when the actor may see them, and still blocks a hidden one", async () => {
    const number = w.person.identityNumber!;
    const input = {
      firstName: "Ny",
      lastName: "Person",
      identityNumber: {
        normalized: number,
        kind: "PERSONNUMMER" as const,
        birthDate: `${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}`,
      },
      aliases: [],
      status: "ACTIVE" as const,
      confirmDuplicate: false,
      assignToMe: false,
    };
    const visible = await createPerson({ actor: w.actors.POLICE, input }).catch((e: unknown) => e);
    expect(visible).toBeInstanceOf(DuplicateIdentityNumberError);
    expect((visible as DuplicateIdentityNumberError).existing).toEqual({ id: w.person.id, name: "Testa Testsson" });

    // A record the actor may not see (here: anonymised but still holding its number) still blocks a
    // second record with the number, without its id or name leaving the server.
    await db.person.update({ where: { id: w.person.id }, data: { anonymisedAt: new Date() } });
    const hidden = await createPerson({ actor: w.actors.POLICE, input }).catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(DuplicateIdentityNumberError);
    expect((hidden as DuplicateIdentityNumberError).existing).toBeNull();
    const edit = await updatePerson({
      actor: w.actors.POLICE,
      input: { ...input, personId: w.secondPerson.id, version: 1, birthDate: undefined },
    }).catch((e: unknown) => e);
    expect(edit).toBeInstanceOf(AccessReasonRequiredError);
    await requirePersonAccess({
      actor: w.actors.POLICE,
      personId: w.secondPerson.id,
      reason: { code: "PLANNED_CONTACT" },
    });
    const editHidden = await updatePerson({
      actor: w.actors.POLICE,
      input: { ...input, personId: w.secondPerson.id, version: 1, birthDate: undefined },
    }).catch((e: unknown) => e);
    expect(editHidden).toBeInstanceOf(DuplicateIdentityNumberError);
    expect((editHidden as DuplicateIdentityNumberError).existing).toBeNull();
    expect(await db.person.count({ where: { identityNumber: number } })).toBe(1);
  });
});
