import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { addMembership, createGroup, setGroupPriority, updateGroup, updateMembership } from "@/lib/groups/mutations";
import { getGroup, getMembershipForEdit, listGroups } from "@/lib/groups/queries";
import {
  ZAddMembership,
  ZCreateGroup,
  ZListGroups,
  ZSetGroupPriority,
  ZUpdateGroup,
  ZUpdateMembership,
} from "@/lib/groups/schemas";
import { stockholmToday } from "@/lib/validation/dates";
import {
  createEnforcementAction,
  createGroup as makeGroup,
  createMembership,
  createNotification,
} from "@/prisma/factories";
import { assignAll, form, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts) is passed by the caseload.
  await assignAll(w);
  await assignAll(w, w.secondPerson.id);
});

type Actor = World["actors"]["POLICE"];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const inDays = (n: number) => {
  const d = day(stockholmToday());
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe("groups", () => {
  it("lists the site's groups, prioritised first, with current member counts, searchable", async () => {
    const a = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Alfagänget" });
    const b = await makeGroup(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      name: "Hamnligan",
      isPrioritized: true,
    });
    await makeGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id, name: "Annan ort" });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: a.id,
      createdById: w.users.POLICE.id,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      groupId: a.id,
      createdById: w.users.POLICE.id,
      validTo: day("2019-01-01"),
    });
    const page = await listGroups({ actor: w.actors.PROBATION, query: ZListGroups.parse({}) });
    expect(page.items.map((g) => [g.name, g.isPrioritized, g.memberCount])).toEqual([
      ["Hamnligan", true, 0],
      ["Alfagänget", false, 1],
    ]);
    expect(
      (await listGroups({ actor: w.actors.PROBATION, query: ZListGroups.parse({ q: "hamn" }) })).items.map((g) => g.id),
    ).toEqual([b.id]);
    expect(
      (await listGroups({ actor: w.actors.PROBATION, query: ZListGroups.parse({ prioritized: "on" }) })).items.map(
        (g) => g.id,
      ),
    ).toEqual([b.id]);
    await expect(listGroups({ actor: w.actors.MANAGER, query: ZListGroups.parse({}) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("shows a group's current and former members, its members' notifications, and enforcement to the police only", async () => {
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: g.id,
      createdById: w.users.POLICE.id,
    });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      groupId: g.id,
      createdById: w.users.POLICE.id,
      validTo: day("2019-01-01"),
    });
    await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.PROBATION.id,
      createdByAgency: "PROBATION",
    });
    await createEnforcementAction(db, {
      siteId: w.site.id,
      groupId: g.id,
      type: "SEARCH",
      occurredAt: new Date("2020-09-30T05:00:00Z"),
      createdById: w.users.POLICE.id,
    });
    await createEnforcementAction(db, {
      siteId: w.site.id,
      personId: w.person.id,
      type: "ARREST",
      occurredAt: new Date("2020-10-01T05:00:00Z"),
      createdById: w.users.POLICE.id,
    });
    // Not a member now: their action is not the group's.
    await createEnforcementAction(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      type: "ARREST",
      occurredAt: new Date("2020-10-02T05:00:00Z"),
      createdById: w.users.POLICE.id,
    });

    const police = await getGroup({ actor: w.actors.POLICE, groupId: g.id });
    expect(police.currentMembers.map((m) => m.person.id)).toEqual([w.person.id]);
    expect(police.formerMembers.map((m) => m.person.id)).toEqual([w.secondPerson.id]);
    expect(police.notifications.map((n) => [n.person.id, n.createdByAgency])).toEqual([[w.person.id, "PROBATION"]]);
    expect(police.enforcement?.map((e) => e.type)).toEqual(["ARREST", "SEARCH"]);
    expect(police.can).toEqual({ edit: true, prioritize: true });
    for (const role of ["SOCIAL", "PROBATION"] as const) {
      const other = await getGroup({ actor: w.actors[role], groupId: g.id });
      expect(other.enforcement).toBeNull();
      expect(other.can.prioritize).toBe(false);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "READ", entityType: "Group" } });
    expect((audit.metadata as { shownPersonIds: string[] }).shownPersonIds.sort()).toEqual(
      [w.person.id, w.secondPerson.id].sort(),
    );
    for (const groupId of ["00000000-0000-7000-8000-000000000000", "nope"])
      await expect(getGroup({ actor: w.actors.POLICE, groupId })).rejects.toBeInstanceOf(NotFoundError);
    const foreign = await makeGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    await expect(getGroup({ actor: w.actors.POLICE, groupId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates and edits a group with optimistic locking, a unique name per site, and audit events", async () => {
    const create = (actor: Actor, fields: Record<string, string>) =>
      handleForm(form(fields), ZCreateGroup, (input) => createGroup({ actor, input }));
    expect(await create(w.actors.SOCIAL, { name: " Hamnligan ", district: "Hamnen", description: "" })).toEqual({
      status: "success",
    });
    const g = await db.group.findFirstOrThrow({ where: { name: "Hamnligan" } });
    expect(g).toMatchObject({
      siteId: w.site.id,
      district: "Hamnen",
      description: null,
      createdById: w.users.SOCIAL.id,
    });
    expect(await create(w.actors.POLICE, { name: "Hamnligan" })).toMatchObject({
      status: "error",
      fieldErrors: { name: "groupNameTaken" },
      values: { name: "Hamnligan" },
    });
    expect(await create(w.actors.POLICE, { name: "" })).toMatchObject({
      status: "error",
      fieldErrors: { name: "required" },
    });
    expect(await create(w.actors.POLICE, { name: "x", description: "x".repeat(2001) })).toMatchObject({
      status: "error",
      fieldErrors: { description: "tooLong" },
    });
    await expect(
      createGroup({ actor: w.actors.ADMIN, input: ZCreateGroup.parse({ name: "X" }) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.group.count()).toBe(1);

    const update = (actor: Actor, fields: Record<string, string | number>) =>
      handleForm(form(fields), ZUpdateGroup, (input) => updateGroup({ actor, input }));
    expect(
      await update(w.actors.POLICE, { groupId: g.id, version: 1, name: "Hamnligan", district: "Västra hamnen" }),
    ).toEqual({ status: "success" });
    expect(await update(w.actors.SOCIAL, { groupId: g.id, version: 1, name: "Hamngänget" })).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { name: "Hamngänget" },
    });
    expect(await db.group.findUniqueOrThrow({ where: { id: g.id } })).toMatchObject({
      name: "Hamnligan",
      district: "Västra hamnen",
      version: 2,
    });
    expect(
      await db.auditEvent.findMany({ where: { entityType: "Group" }, select: { action: true, actorId: true } }),
    ).toEqual([
      { action: "CREATE", actorId: w.users.SOCIAL.id },
      { action: "UPDATE", actorId: w.users.POLICE.id },
    ]);
  });

  it("lets the police mark a group as prioritised, recording who and when, and nobody else", async () => {
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const set = (actor: Actor, fields: Record<string, string | number>) =>
      handleForm(form(fields), ZSetGroupPriority, (input) => setGroupPriority({ actor, input }));
    expect(await set(w.actors.SOCIAL, { groupId: g.id, version: 1, prioritized: "true" })).toMatchObject({
      status: "error",
      formError: "notFound",
    });
    expect(await set(w.actors.POLICE, { groupId: g.id, version: 1, prioritized: "true" })).toEqual({
      status: "success",
    });
    const saved = await db.group.findUniqueOrThrow({ where: { id: g.id } });
    expect(saved).toMatchObject({ isPrioritized: true, prioritizedById: w.users.POLICE.id, version: 2 });
    expect(Date.now() - saved.prioritizedAt!.getTime()).toBeLessThan(60_000);
    // A second click from a stale page is a conflict, not a silent toggle.
    expect(await set(w.actors.POLICE, { groupId: g.id, version: 1, prioritized: "true" })).toMatchObject({
      status: "error",
      formError: "conflict",
    });
    expect(await set(w.actors.POLICE, { groupId: g.id, version: 2, prioritized: "maybe" })).toMatchObject({
      status: "error",
      fieldErrors: { prioritized: "required" },
    });
    const group = await getGroup({ actor: w.actors.PROBATION, groupId: g.id });
    expect(group).toMatchObject({ isPrioritized: true, prioritizedBy: { name: w.users.POLICE.name } });
    expect(await db.auditEvent.count({ where: { entityType: "Group", action: "UPDATE" } })).toBe(1);
  });
});

describe("memberships", () => {
  const valid = (groupId: string) => ({
    personId: w.person.id,
    groupId,
    validFrom: "2020-01-01",
    validTo: "",
    role: "CORE_MEMBER",
    sourceAgency: "POLICE",
    confidence: "PROBABLE",
    reviewDueOn: inDays(90),
  });
  const add = (actor: Actor, fields: Record<string, string>) =>
    handleForm(form(fields), ZAddMembership, (input) => addMembership({ actor, input }));

  it("records a period, role, source agency, graded confidence and review date, with an audit event", async () => {
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    expect(await add(w.actors.SOCIAL, valid(g.id))).toEqual({ status: "success" });
    const m = await db.membership.findFirstOrThrow();
    expect(m).toMatchObject({
      siteId: w.site.id,
      personId: w.person.id,
      groupId: g.id,
      validFrom: day("2020-01-01"),
      validTo: null,
      role: "CORE_MEMBER",
      sourceAgency: "POLICE",
      confidence: "PROBABLE",
      createdById: w.users.SOCIAL.id,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } })).toMatchObject({
      entityType: "Membership",
      entityId: m.id,
      personId: w.person.id,
      metadata: { groupId: g.id, confidence: "PROBABLE" },
    });
    // One open membership per group.
    expect(await add(w.actors.SOCIAL, valid(g.id))).toMatchObject({
      status: "error",
      fieldErrors: { groupId: "alreadyMember" },
    });
    // A closed period in the past may be added beside it.
    expect(await add(w.actors.SOCIAL, { ...valid(g.id), validFrom: "2016-01-01", validTo: "2017-01-01" })).toEqual({
      status: "success",
    });
  });

  it.each([
    ["a start in the future", { validFrom: "2999-01-01" }, { validFrom: "futureDate" }],
    ["an end in the future", { validTo: "2999-01-01" }, { validTo: "futureDate" }],
    ["an end before the start", { validTo: "2019-01-01" }, { validTo: "endBeforeStart" }],
    ["no confidence", { confidence: "" }, { confidence: "required" }],
    ["an unknown role", { role: "BOSS" }, { role: "required" }],
    ["a review date in the past", { reviewDueOn: "2020-01-01" }, { reviewDueOn: "reviewInPast" }],
    ["a review date far ahead", { reviewDueOn: "2099-01-01" }, { reviewDueOn: "reviewTooLate" }],
    ["a review date that is no date", { reviewDueOn: "2026-02-30" }, { reviewDueOn: "invalidDate" }],
    ["a malformed group id", { groupId: "1 OR 1=1" }, { groupId: "invalid" }],
  ])("refuses %s with a field error and changes nothing", async (_label, change, fieldErrors) => {
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const input = { ...valid(g.id), ...change };
    const state = await add(w.actors.POLICE, input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error") expect(state.values.validFrom).toBe(input.validFrom);
    expect(await db.membership.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses another site's group or person and an unknown group", async () => {
    const foreign = await makeGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id });
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    expect(await add(w.actors.POLICE, valid(foreign.id))).toMatchObject({ fieldErrors: { groupId: "unknownGroup" } });
    expect(await add(w.actors.POLICE, valid("00000000-0000-7000-8000-000000000000"))).toMatchObject({
      fieldErrors: { groupId: "unknownGroup" },
    });
    expect(await add(w.actors.POLICE, { ...valid(g.id), personId: w.otherPerson.id })).toMatchObject({
      formError: "notFound",
    });
    expect(await db.membership.count()).toBe(0);
  });

  it("is edited with optimistic locking: end it, regrade it, mark it reviewed", async () => {
    const g = await makeGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    const m = await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: g.id,
      createdById: w.users.POLICE.id,
    });
    const edit = {
      membershipId: m.id,
      version: 1,
      validFrom: "2019-01-01",
      validTo: "2020-06-30",
      role: "MEMBER",
      sourceAgency: "SOCIAL",
      confidence: "CONFIRMED",
      reviewDueOn: inDays(30),
      markReviewed: "on",
    };
    const update = (actor: Actor, fields: Record<string, string | number>) =>
      handleForm(form(fields), ZUpdateMembership, (input) => updateMembership({ actor, input }));
    expect(await update(w.actors.PROBATION, edit)).toEqual({ status: "success" });
    const saved = await db.membership.findUniqueOrThrow({ where: { id: m.id } });
    expect(saved).toMatchObject({
      validTo: day("2020-06-30"),
      sourceAgency: "SOCIAL",
      confidence: "CONFIRMED",
      version: 2,
    });
    expect(saved.reviewedAt).not.toBeNull();
    expect(await update(w.actors.POLICE, { ...edit, confidence: "UNCONFIRMED" })).toMatchObject({
      status: "error",
      formError: "conflict",
      values: { confidence: "UNCONFIRMED" },
    });
    expect(
      await update(w.actors.POLICE, { ...edit, version: 2, membershipId: "00000000-0000-7000-8000-000000000000" }),
    ).toMatchObject({ formError: "notFound" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({
      confidence: "CONFIRMED",
      version: 2,
    });
    expect(await db.auditEvent.count({ where: { entityType: "Membership", action: "UPDATE" } })).toBe(1);
    await expect(getMembershipForEdit({ actor: w.actors.MANAGER, membershipId: m.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getMembershipForEdit({ actor: w.actors.SOCIAL, membershipId: m.id })).group.id).toBe(g.id);
  });
});
