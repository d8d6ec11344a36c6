import { beforeEach, describe, expect, it } from "vitest";
import { actorOf } from "@/lib/auth";
import { recordAuditNow } from "@/lib/audit";
import { listPersonReaders } from "@/lib/audit-log/queries";
import { extractRequestWhere, PERMISSIONS, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import { getRegisterExtract, registerExtractCsv, registerExtractJson } from "@/lib/register-extract";
import { decideExtractRequest, produceRegisterExtract, registerExtractRequest } from "@/lib/register-extract/mutations";
import { getExtractRequest, listExtractRequests } from "@/lib/register-extract/queries";
import { ZDecideExtractRequest, ZRegisterExtractRequest } from "@/lib/register-extract/schemas";
import { showExtractValue } from "@/lib/register-extract/render";
import { SECTIONS } from "@/lib/register-extract/sections";
import { labelledLists } from "@/lib/labels";
import { EXTRACT_OPEN_MINUTES } from "@/lib/register-extract/window";
import { anonymisePerson } from "@/lib/retention/mutations";
import { formatDate, formatDateTime, stockholmToday } from "@/lib/validation/dates";
import {
  createAssignment,
  createDisclosure,
  createGroup,
  createMembership,
  createRegisterExtractRequest,
  createUser,
} from "@/prisma/factories";
import { form, giveConsent, makeWorld, recordsOfEveryKind, type World } from "./fixtures";
import { svLabels } from "../labels";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const REF = "KS 2026/0173";
const MINUTE = 60_000;

/** The registration form as an administrator fills it in, through the schema the action uses. */
const registration = (overrides: Record<string, string> = {}) =>
  ZRegisterExtractRequest.parse({
    personId: w.person.id,
    requester: "DATA_SUBJECT",
    receivedOn: stockholmToday(),
    identityCheck: "E_IDENTIFICATION",
    reference: REF,
    ...overrides,
  });

const decision = (requestId: string, version: number, decision: "APPROVED" | "REJECTED", decisionNote?: string) =>
  ZDecideExtractRequest.parse({
    requestId,
    version: String(version),
    decision,
    ...(decisionNote ? { decisionNote } : {}),
  });

async function registered(personId = w.person.id, now = new Date()): Promise<string> {
  return (await registerExtractRequest({ actor: w.actors.ADMIN, input: registration({ personId }), now })).id;
}

async function approved(personId = w.person.id, now = new Date()): Promise<string> {
  const id = await registered(personId, now);
  await decideExtractRequest({ actor: w.actors.MANAGER, input: decision(id, 1, "APPROVED"), now });
  return id;
}

async function produced(personId = w.person.id, now = new Date()): Promise<string> {
  const id = await approved(personId, now);
  await produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id }, now });
  return id;
}

const open = (
  requestId: string,
  opts: { actor?: Actor; personId?: string; now?: Date; format?: "html" | "json" | "csv" } = {},
) =>
  getRegisterExtract({
    actor: opts.actor ?? w.actors.ADMIN,
    personId: opts.personId ?? w.person.id,
    requestId,
    format: opts.format ?? "html",
    now: opts.now,
  });

const exportEvents = () => db.auditEvent.findMany({ where: { action: "EXPORT" }, orderBy: { id: "asc" } });
const statusOf = async (id: string) => (await db.registerExtractRequest.findUniqueOrThrow({ where: { id } })).status;

async function ruleOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return (error as RuleError).key;
}

describe("the register extract", () => {
  it("holds every kind of data about the person, of every agency, and nothing about anyone else", async () => {
    await recordsOfEveryKind(w);
    await recordsOfEveryKind(w, w.secondPerson.id);
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Västra gänget" });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.SOCIAL.id,
      agency: "SOCIAL",
    });
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"]);
    await createDisclosure(db, {
      siteId: w.site.id,
      personId: w.person.id,
      fromAgency: "SOCIAL",
      toAgency: "POLICE",
      legalBasis: "CONSENT",
      consentId: consent.id,
      entityType: "Referral",
      actorId: w.users.POLICE.id,
    });
    await recordAuditNow(w.actors.POLICE, {
      action: "READ",
      entityType: "Person",
      personId: w.person.id,
      reason: "PLANNED_CONTACT: möte i morgon",
    });
    await createDisclosure(db, {
      siteId: w.site.id,
      personId: w.person.id,
      fromAgency: "POLICE",
      toAgency: "SOCIAL",
      legalBasis: "OSL_10_18A",
      legalBasisDetail: "Brådskande fara för liv",
      entityType: "EnforcementAction",
      actorId: w.users.SOCIAL.id,
    });
    // Named only in metadata: a search and a group page that showed the person, and a list of someone else.
    await recordAuditNow(w.actors.SOCIAL, {
      action: "SEARCH",
      entityType: "Person",
      metadata: { shownPersonIds: [w.secondPerson.id, w.person.id] },
    });
    await recordAuditNow(w.actors.PROBATION, {
      action: "READ",
      entityType: "Group",
      metadata: { shownPersonIds: [w.person.id] },
    });
    await recordAuditNow(w.actors.POLICE, {
      action: "READ",
      entityType: "Caseload",
      metadata: { shownPersonIds: [w.secondPerson.id] },
    });

    const extract = await open(await produced());
    expect(extract.sections.map((s) => s.key)).toEqual(SECTIONS.map((s) => s.key));
    const rows = Object.fromEntries(extract.sections.map((s) => [s.key, s.rows]));
    expect(rows.person).toEqual([
      expect.objectContaining({
        firstName: "Testa",
        lastName: "Testsson",
        identityNumber: `${w.person.identityNumber!.slice(0, 8)}-${w.person.identityNumber!.slice(8)}`,
      }),
    ]);
    expect(rows.memberships).toEqual([expect.objectContaining({ group: "Västra gänget" })]);
    expect(rows.assignments).toEqual([expect.objectContaining({ agency: "SOCIAL", coordinator: w.users.SOCIAL.name })]);
    expect(rows.notifications).toEqual([
      expect.objectContaining({ nextStep: "Nästa steg: fritext", createdByAgency: "POLICE" }),
    ]);
    expect(rows.callIns).toEqual([expect.objectContaining({ venue: "Rådhuset", status: "ATTENDED" })]);
    expect(rows.referrals).toEqual([expect.objectContaining({ status: "REFERRED", source: "CUSTOM_NOTIFICATION" })]);
    expect(rows.referralStatusChanges).toEqual([
      expect.objectContaining({ toStatus: "REFERRED", comment: "Kommentar: fritext" }),
    ]);
    expect(rows.supportMeasures).toEqual([
      expect.objectContaining({ type: "RELOCATION", destinationTown: "Skyddad ort" }),
    ]);
    expect(rows.followUps).toEqual([
      expect.objectContaining({ agency: "PROBATION", summary: "Sammanfattning: fritext" }),
    ]);
    expect(rows.enforcementActions).toEqual([
      expect.objectContaining({ type: "ARREST", description: "Beskrivning: fritext" }),
    ]);
    expect(rows.incidents).toEqual([expect.objectContaining({ type: "SHOOTING", role: "VICTIM" })]);
    expect(rows.consents).toEqual([
      expect.objectContaining({
        recordedByAgency: "SOCIAL",
        coverage:
          // Ordered: holding agency, kind, receiving agency (enum order), whatever order they were stored in.
          "POLICE:PLAN_MEASURE:SOCIAL, POLICE:JOINT_DECISION:SOCIAL, SOCIAL:REFERRAL_STATUS:POLICE, " +
          "SOCIAL:SUPPORT_MEASURE_STATUS:POLICE, SOCIAL:PLAN_MEASURE:POLICE, SOCIAL:JOINT_DECISION:POLICE",
        documentReference: "DOK-1",
        validUntil: null,
        withdrawnAt: null,
      }),
    ]);
    expect(rows.disclosures).toEqual([
      expect.objectContaining({
        fromAgency: "SOCIAL",
        toAgency: "POLICE",
        legalBasis: "CONSENT",
        legalBasisDetail: null,
        consentGivenOn: "2026-01-01",
        consentDocumentReference: "DOK-1",
      }),
      expect.objectContaining({
        fromAgency: "POLICE",
        toAgency: "SOCIAL",
        legalBasis: "OSL_10_18A",
        legalBasisDetail: "Brådskande fara för liv",
        consentGivenOn: null,
        consentDocumentReference: null,
      }),
    ]);
    // Every agency's internal notes: the extract is everything held, before each agency's secrecy review.
    expect(rows.internalNotes!.map((n) => [n.agency, n.about, n.body]).sort()).toEqual([
      ["POLICE", "Person", "POLISENS NOT"],
      ["SOCIAL", "CustomNotification", "SOCIALTJÄNSTENS NOT"],
    ]);
    // The person's access request itself, without the officials' names.
    expect(rows.extractRequests).toEqual([
      expect.objectContaining({
        reference: REF,
        requester: "DATA_SUBJECT",
        requesterName: null,
        identityCheck: "E_IDENTIFICATION",
        requestStatus: "PRODUCED",
        producedAt: expect.any(String),
      }),
    ]);
    // Who processed the data and why: role and purpose, not the official's name or free text. The
    // request's registration, decision and production are processing too.
    expect(rows.accessLog).toEqual([
      {
        occurredAt: expect.any(String),
        action: "READ",
        role: "POLICE",
        entityType: "Person",
        purpose: "PLANNED_CONTACT",
      },
      { occurredAt: expect.any(String), action: "SEARCH", role: "SOCIAL", entityType: "Person", purpose: null },
      { occurredAt: expect.any(String), action: "READ", role: "PROBATION", entityType: "Group", purpose: null },
      {
        occurredAt: expect.any(String),
        action: "CREATE",
        role: "ADMIN",
        entityType: "RegisterExtractRequest",
        purpose: null,
      },
      {
        occurredAt: expect.any(String),
        action: "UPDATE",
        role: "MANAGER",
        entityType: "RegisterExtractRequest",
        purpose: null,
      },
      { occurredAt: expect.any(String), action: "EXPORT", role: "ADMIN", entityType: "RegisterExtract", purpose: null },
    ]);

    const json = registerExtractJson(extract);
    expect(json).not.toContain(w.secondPerson.id);
    expect(JSON.stringify(extract)).not.toContain("Andra");
    expect(JSON.stringify(extract)).not.toContain(w.users.ADMIN.name);
  });

  it("renders as JSON and as a long-form CSV, naming the request", async () => {
    await recordsOfEveryKind(w);
    const requestId = await produced();
    const extract = await open(requestId, { format: "json" });
    const parsed = JSON.parse(registerExtractJson(extract)) as {
      kind: string;
      requestId: string;
      requestReference: string;
      personId: string;
      sections: Record<string, unknown[]>;
    };
    expect(parsed).toMatchObject({ kind: "registerutdrag", requestId, requestReference: REF, personId: w.person.id });
    expect(Object.keys(parsed.sections)).toEqual(SECTIONS.map((s) => s.key));
    const csv = registerExtractCsv(await open(requestId, { format: "csv" }), svLabels)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(csv[0]).toBe("Avsnitt;Rad;Uppgift;Värde");
    expect(csv).toContain("Personuppgifter;1;Efternamn;Testsson");
    expect(csv).not.toContain("Personuppgifter;1;Efternamn;Personsson");
    expect(csv).toContain("Interna anteckningar;1;Text;SOCIALTJÄNSTENS NOT");
  });

  it("shows every code by its Swedish name, on the page and in the CSV, with times in Swedish time", async () => {
    await recordsOfEveryKind(w);
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Västra gänget" });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    await db.customNotification.updateMany({
      where: { personId: w.person.id },
      data: { agencies: ["POLICE", "SOCIAL", "PROBATION"] },
    });
    await db.person.update({ where: { id: w.person.id }, data: { status: "RELOCATED" } });
    await recordAuditNow(w.actors.POLICE, {
      action: "READ",
      entityType: "CallIn",
      personId: w.person.id,
      reason: "PLANNED_CONTACT",
    });
    const extract = await open(await produced());
    // A code is a whole word of a value: POLICE, RELOCATED, CallIn, EnforcementAction, Group, …
    const codes = [...new Set(labelledLists().flatMap((l) => l.codes))];
    const codeWord = new RegExp(`(^|[^\\p{L}_])(${codes.join("|")})($|[^\\p{L}_])`, "u");
    const time = { instant: formatDateTime, day: (d: string) => formatDate(new Date(`${d}T00:00:00Z`)) };
    const shown = extract.sections.flatMap((s) =>
      s.rows.flatMap((row) =>
        Object.entries(row).map(
          ([field, value]) => `${s.key}.${field}: ${showExtractValue(svLabels, s, field, value, time)}`,
        ),
      ),
    );
    expect(shown.filter((line) => codeWord.test(line.replace(/^[^:]+: /, "")))).toEqual([]);
    expect(shown).toContain("notifications.agencies: Polisen, Socialtjänsten, Frivården");
    expect(shown).toContain("person.status: Flyttad");
    expect(shown).toContain("referrals.status: Anvisad");

    const csv = registerExtractCsv(extract, svLabels)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const values = csv.slice(1).map((line) => line.split(";").slice(3).join(";"));
    expect(values.filter((v) => codeWord.test(v))).toEqual([]);
    // Times as ISO 8601 in Swedish time with the offset, never UTC's Z.
    expect(csv).toContain("Stormöten;1;Tidpunkt;2026-02-01T18:00:00+01:00");
    expect(values.filter((v) => /\d{2}:\d{2}:\d{2}(\.\d+)?Z/.test(v))).toEqual([]);
    expect(csv.filter((line) => /^Åtkomst till uppgifterna;\d+;Avser;Stormöte$/.test(line))).toHaveLength(1);
  });

  it("is ADMIN's alone, for people of ADMIN's own site", async () => {
    const requestId = await produced();
    const before = await db.auditEvent.count();
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(open(requestId, { actor: w.actors[role] }), role).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(open(requestId, { actor: w.otherActor })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(requestId, { personId: w.otherPerson.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(requestId, { personId: "nej" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open("nej")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("a register extract needs a registered request, approved by a second person, and is produced once", () => {
  it("is refused without a request: the old free-text ?ref= flow, or an id that names no request", async () => {
    const legacy = {
      actor: w.actors.ADMIN,
      personId: w.person.id,
      request: { requestReference: REF, format: "html" },
    } as never;
    await expect(getRegisterExtract(legacy)).rejects.toBeInstanceOf(NotFoundError);
    await expect(open("0193a1b2-0000-7000-8000-000000000001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: "0193a1b2-0000-7000-8000-000000000001" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await exportEvents()).toEqual([]);
  });

  it("is refused while the request is registered but not approved", async () => {
    const id = await registered();
    await expect(open(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ruleOf(() => produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id } }))).toBe(
      "notApproved",
    );
    // Not even by writing the status directly: the database keeps the flow.
    await expect(
      db.registerExtractRequest.update({
        where: { id },
        data: { status: "PRODUCED", producedById: w.users.ADMIN.id, producedAt: new Date() },
      }),
    ).rejects.toThrow();
    expect(await statusOf(id)).toBe("REGISTERED");
    expect(await exportEvents()).toEqual([]);
  });

  it("is refused when the request was rejected, which needs a reason", async () => {
    const id = await registered();
    expect(
      ZDecideExtractRequest.safeParse({ requestId: id, version: "1", decision: "REJECTED" }).error?.issues.map((i) => [
        i.path[0],
        i.message,
      ]),
    ).toEqual([["decisionNote", "rejectionReasonRequired"]]);
    await decideExtractRequest({
      actor: w.actors.MANAGER,
      input: decision(id, 1, "REJECTED", "Identiteten kunde inte styrkas"),
    });
    expect(await db.registerExtractRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REJECTED",
      decidedById: w.users.MANAGER.id,
      decisionNote: "Identiteten kunde inte styrkas",
    });
    expect(await ruleOf(() => produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id } }))).toBe(
      "notApproved",
    );
    await expect(open(id)).rejects.toBeInstanceOf(NotFoundError);
    // A rejection is final: no later approval, and the database refuses one too.
    expect(
      await ruleOf(() => decideExtractRequest({ actor: w.actors.MANAGER, input: decision(id, 2, "APPROVED") })),
    ).toBe("alreadyDecided");
    await expect(db.registerExtractRequest.update({ where: { id }, data: { status: "APPROVED" } })).rejects.toThrow();
    expect(await exportEvents()).toEqual([]);
  });

  it("never lets the registrar decide their own request, even given the right to decide", async () => {
    const grants = PERMISSIONS.ADMIN.registerExtract!;
    grants.update = "site";
    try {
      const id = await registered();
      expect(
        await ruleOf(() => decideExtractRequest({ actor: w.actors.ADMIN, input: decision(id, 1, "APPROVED") })),
      ).toBe("ownRequest");
      // The scope itself leaves one's own registrations out.
      expect(
        await db.registerExtractRequest.count({
          where: { AND: [extractRequestWhere(w.actors.ADMIN, "update"), { id }] },
        }),
      ).toBe(0);
      expect(await statusOf(id)).toBe("REGISTERED");
    } finally {
      delete grants.update;
    }
    // A request a manager registered (say, once managers may): that manager cannot decide it either.
    const byManager = await createRegisterExtractRequest(db, {
      siteId: w.site.id,
      personId: w.person.id,
      reference: "KS 2026/0200",
      registeredById: w.users.MANAGER.id,
    });
    expect(
      await ruleOf(() =>
        decideExtractRequest({ actor: w.actors.MANAGER, input: decision(byManager.id, 1, "APPROVED") }),
      ),
    ).toBe("ownRequest");
    expect((await getExtractRequest({ actor: w.actors.MANAGER, requestId: byManager.id })).canDecide).toBe(false);
    // And the database refuses it whatever the code does.
    await expect(
      db.registerExtractRequest.update({
        where: { id: byManager.id },
        data: { status: "APPROVED", decidedById: w.users.MANAGER.id, decidedAt: new Date() },
      }),
    ).rejects.toThrow(/register_extract_four_eyes/);
    expect(await statusOf(byManager.id)).toBe("REGISTERED");
    expect(await db.auditEvent.count({ where: { action: "UPDATE", entityType: "RegisterExtractRequest" } })).toBe(0);
  });

  it("is decided by a manager of the same site only; other roles and other sites see nothing", async () => {
    const id = await registered();
    const otherManager = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "MANAGER" }));
    const otherAdmin = actorOf(await createUser(db, { siteId: w.otherSite.id, role: "ADMIN" }));
    expect((await listExtractRequests({ actor: otherManager, query: { page: 1 } })).items).toEqual([]);
    await expect(getExtractRequest({ actor: otherManager, requestId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      decideExtractRequest({ actor: otherManager, input: decision(id, 1, "APPROVED") }),
    ).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [
      w.actors.POLICE,
      w.actors.SOCIAL,
      w.actors.PROBATION,
      w.actors.ADMIN,
      w.otherActor,
      otherAdmin,
    ]) {
      await expect(
        decideExtractRequest({ actor, input: decision(id, 1, "APPROVED") }),
        actor.role,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const actor of [w.actors.POLICE, w.actors.SOCIAL, w.actors.PROBATION, w.otherActor]) {
      await expect(getExtractRequest({ actor, requestId: id }), actor.role).rejects.toBeInstanceOf(NotFoundError);
      await expect(listExtractRequests({ actor, query: { page: 1 } }), actor.role).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await statusOf(id)).toBe("REGISTERED");

    // The site's manager decides, on the version they saw.
    const view = await getExtractRequest({ actor: w.actors.MANAGER, requestId: id });
    expect(view).toMatchObject({
      canDecide: true,
      canProduce: false,
      person: { label: "Testa Testsson", birthDate: w.person.birthDate },
    });
    await expect(
      decideExtractRequest({ actor: w.actors.MANAGER, input: decision(id, view.version + 1, "APPROVED") }),
    ).rejects.toThrow("version conflict");
    await decideExtractRequest({
      actor: w.actors.MANAGER,
      input: decision(id, view.version, "APPROVED", "Styrkt med BankID"),
    });
    await expect(produceRegisterExtract({ actor: otherAdmin, input: { requestId: id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(produceRegisterExtract({ actor: w.actors.MANAGER, input: { requestId: id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await statusOf(id)).toBe("APPROVED");
  });

  it("takes one decision when two managers decide at once: the other is told it changed meanwhile", async () => {
    const id = await registered();
    const colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "MANAGER" }));
    const results = await Promise.allSettled([
      decideExtractRequest({ actor: w.actors.MANAGER, input: decision(id, 1, "APPROVED") }),
      decideExtractRequest({ actor: colleague, input: decision(id, 1, "REJECTED", "Ofullständig") }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    // Which one it is depends on timing: the second decision either finds the version changed
    // under it (ConflictError) or, reading after the first committed, a request already decided.
    const reason = refused.reason as Error;
    expect(
      reason instanceof ConflictError || (reason instanceof RuleError && reason.key === "alreadyDecided"),
      String(reason),
    ).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "UPDATE", entityType: "RegisterExtractRequest" } })).toBe(1);
  });

  it("shows the manager what a decision needs and nothing of the file, and logs that read with the person", async () => {
    await recordsOfEveryKind(w);
    const id = await registerExtractRequest({
      actor: w.actors.ADMIN,
      input: registration({
        requester: "GUARDIAN",
        requesterName: "Vera Vårdnadshavare",
        identityCheck: "OTHER",
        identityCheckNote: "Känd av handläggaren sedan tidigare",
      }),
    });
    const view = await getExtractRequest({ actor: w.actors.MANAGER, requestId: id.id });
    expect(view).toMatchObject({
      reference: REF,
      requester: "GUARDIAN",
      requesterName: "Vera Vårdnadshavare",
      identityCheck: "OTHER",
      identityCheckNote: "Känd av handläggaren sedan tidigare",
    });
    const shown = JSON.stringify(view);
    for (const content of ["fritext", "NOT", "Skyddad ort", "Rådhuset", w.person.identityNumber!])
      expect(shown, content).not.toContain(content);
    const read = await db.auditEvent.findFirstOrThrow({ where: { actorId: w.users.MANAGER.id, action: "READ" } });
    expect(read).toMatchObject({
      entityType: "RegisterExtractRequest",
      entityId: id.id,
      personId: w.person.id,
      reason: REF,
    });
  });

  it("is produced once: a second production is refused, also when two arrive at once", async () => {
    const id = await approved();
    const results = await Promise.allSettled(
      [0, 1].map(() => produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RuleError);
    expect((refused.reason as RuleError).key).toBe("alreadyProduced");
    expect(await ruleOf(() => produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id } }))).toBe(
      "alreadyProduced",
    );
    expect(
      (await exportEvents()).map((e) => [e.entityId, e.personId, e.reason, (e.metadata as { event: string }).event]),
    ).toEqual([[id, w.person.id, REF, "produced"]]);
    // The database refuses a second production, or a step back to approved.
    await expect(db.registerExtractRequest.update({ where: { id }, data: { status: "APPROVED" } })).rejects.toThrow();
    await expect(
      db.registerExtractRequest.update({ where: { id }, data: { producedAt: new Date() } }),
    ).rejects.toThrow();
  });

  it("opens for the producing administrator only, for that person, within the window and never afterwards", async () => {
    const producedAt = new Date(Date.now() - 10 * MINUTE);
    const id = await produced(w.person.id, producedAt);
    const second = await produced(w.secondPerson.id, producedAt);
    const colleague = actorOf(await createUser(db, { siteId: w.site.id, role: "ADMIN" }));
    const at = (minutes: number) => new Date(producedAt.getTime() + minutes * MINUTE);

    expect((await open(id, { now: at(1) })).personId).toBe(w.person.id);
    expect((await open(id, { now: at(EXTRACT_OPEN_MINUTES - 1), format: "csv" })).openUntil).toEqual(
      at(EXTRACT_OPEN_MINUTES),
    );
    // Another administrator, another person's request, or after the window: not found.
    await expect(open(id, { actor: colleague, now: at(1) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(second, { now: at(1) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(id, { personId: w.secondPerson.id, now: at(1) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(id, { now: at(EXTRACT_OPEN_MINUTES) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(open(id, { now: at(60 * 24) })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getExtractRequest({ actor: w.actors.ADMIN, requestId: id, now: at(1) })).openUntil).toEqual(
      at(EXTRACT_OPEN_MINUTES),
    );
    expect(
      (await getExtractRequest({ actor: w.actors.ADMIN, requestId: id, now: at(EXTRACT_OPEN_MINUTES) })).openUntil,
    ).toBeNull();
    expect((await getExtractRequest({ actor: colleague, requestId: id, now: at(1) })).openUntil).toBeNull();
  });

  it("gives the same person's data in every file within the window, each opening audited with the request", async () => {
    await recordsOfEveryKind(w);
    await recordsOfEveryKind(w, w.secondPerson.id);
    const id = await produced();
    const page = await open(id, { format: "html" });
    const json = JSON.parse(registerExtractJson(await open(id, { format: "json" }))) as {
      personId: string;
      sections: { person: { lastName: string }[] };
    };
    const csv = registerExtractCsv(await open(id, { format: "csv" }), svLabels);
    expect(page.personLabel).toBe("Testa Testsson");
    expect(json.personId).toBe(w.person.id);
    expect(json.sections.person).toEqual([expect.objectContaining({ lastName: "Testsson" })]);
    expect(csv).toContain("Personuppgifter;1;Efternamn;Testsson");
    expect(`${JSON.stringify(page)}${JSON.stringify(json)}${csv}`).not.toContain("Personsson");
    const events = await exportEvents();
    expect(
      events.map((e) => [
        e.actorId,
        e.entityType,
        e.entityId,
        e.personId,
        e.reason,
        (e.metadata as { event: string }).event,
        (e.metadata as { format?: string }).format ?? null,
      ]),
    ).toEqual([
      [w.users.ADMIN.id, "RegisterExtract", id, w.person.id, REF, "produced", null],
      [w.users.ADMIN.id, "RegisterExtract", id, w.person.id, REF, "opened", "html"],
      [w.users.ADMIN.id, "RegisterExtract", id, w.person.id, REF, "opened", "json"],
      [w.users.ADMIN.id, "RegisterExtract", id, w.person.id, REF, "opened", "csv"],
    ]);
    for (const e of events) expect(e.metadata).toMatchObject({ requestId: id });
    expect((events[1]!.metadata as { rows: Record<string, number> }).rows).toMatchObject({
      person: 1,
      notifications: 1,
      extractRequests: 1,
    });
  });

  it("shows registration, decision and production on the person's 'who has read this file'", async () => {
    const id = await registered();
    await getExtractRequest({ actor: w.actors.MANAGER, requestId: id });
    await decideExtractRequest({ actor: w.actors.MANAGER, input: decision(id, 1, "APPROVED") });
    await produceRegisterExtract({ actor: w.actors.ADMIN, input: { requestId: id } });
    await open(id, { format: "json" });
    const rejected = await registered(w.person.id);
    await decideExtractRequest({ actor: w.actors.MANAGER, input: decision(rejected, 1, "REJECTED", "Dubblett") });
    // Someone else's request is not on this person's page.
    await approved(w.secondPerson.id);

    const { readers, extractEvents } = await listPersonReaders({ actor: w.actors.ADMIN, personId: w.person.id });
    expect(extractEvents.map((e) => [e.event, e.user?.id, e.requestId, e.reference, e.format])).toEqual([
      ["rejected", w.users.MANAGER.id, rejected, REF, null],
      ["registered", w.users.ADMIN.id, rejected, REF, null],
      ["opened", w.users.ADMIN.id, id, REF, "json"],
      ["produced", w.users.ADMIN.id, id, REF, null],
      ["approved", w.users.MANAGER.id, id, REF, null],
      ["registered", w.users.ADMIN.id, id, REF, null],
    ]);
    // The manager read the request (name and birth date): they are one of the file's readers.
    expect(readers.map((r) => r.user?.id).sort()).toEqual([w.users.ADMIN.id, w.users.MANAGER.id].sort());
  });

  it("validates the registration: Swedish message keys per field, the values kept, nothing saved", async () => {
    const submit = (fields: Record<string, string>) =>
      handleForm(
        form({
          personId: w.person.id,
          requester: "DATA_SUBJECT",
          receivedOn: stockholmToday(),
          identityCheck: "E_IDENTIFICATION",
          reference: REF,
          ...fields,
        }),
        ZRegisterExtractRequest,
        (input) => registerExtractRequest({ actor: w.actors.ADMIN, input }),
      );
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { requester: "", identityCheck: "", reference: "", receivedOn: "" },
        { requester: "required", identityCheck: "required", reference: "required", receivedOn: "required" },
      ],
      [
        { requester: "NEIGHBOUR", identityCheck: "GUESSWORK" },
        { requester: "unknownChoice", identityCheck: "unknownChoice" },
      ],
      [{ requester: "GUARDIAN" }, { requesterName: "requesterNameRequired" }],
      [{ requesterName: "Vera" }, { requesterName: "requesterNameOnlyForOthers" }],
      [{ identityCheck: "OTHER" }, { identityCheckNote: "identityCheckNoteRequired" }],
      [{ identityCheckNote: "BankID" }, { identityCheckNote: "identityCheckNoteOnlyForOther" }],
      [{ identityCheck: "OTHER", identityCheckNote: "Pass nr 12345678" }, { identityCheckNote: "noIdentityNumbers" }],
      [{ requester: "GUARDIAN", requesterName: "Vera\u0000Vårdnadshavare" }, { requesterName: "invalidCharacters" }],
      [{ identityCheck: "OTHER", identityCheckNote: "Känd\u0000" }, { identityCheckNote: "invalidCharacters" }],
      [{ requester: "REPRESENTATIVE", requesterName: "x".repeat(121) }, { requesterName: "tooLong" }],
      [{ identityCheck: "OTHER", identityCheckNote: "y".repeat(100_000) }, { identityCheckNote: "tooLong" }],
      [{ reference: "KS\u00002026" }, { reference: "invalidCharacters" }],
      [{ reference: "Z".repeat(61) }, { reference: "tooLong" }],
      [{ reference: "Anna Andersson, 19900101-1234 <b>" }, { reference: "invalidReference" }],
      [{ receivedOn: "2026-02-30" }, { receivedOn: "invalidDate" }],
      [{ receivedOn: "2999-01-01" }, { receivedOn: "futureDate" }],
      [{ personId: "nej" }, { personId: "invalid" }],
    ];
    for (const [fields, errors] of cases) {
      const state = await submit(fields);
      expect(state.status, JSON.stringify(fields).slice(0, 80)).toBe("error");
      if (state.status !== "error") continue;
      expect(state.fieldErrors, JSON.stringify(fields).slice(0, 80)).toEqual(errors);
      for (const [key, value] of Object.entries(fields)) expect(state.values[key]).toBe(value);
    }
    // A person of another site, and an anonymised one: answered, not saved.
    expect(await submit({ personId: w.otherPerson.id })).toMatchObject({ status: "error", formError: "notFound" });
    await db.person.update({ where: { id: w.secondPerson.id }, data: { anonymisedAt: new Date() } });
    expect(await submit({ personId: w.secondPerson.id })).toMatchObject({
      status: "error",
      formError: "personAnonymised",
    });
    expect(await db.registerExtractRequest.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);

    // The valid one, with a guardian's name kept as typed and the note dropped for codes that need none.
    expect(await submit({ requester: "GUARDIAN", requesterName: "  Vera Vårdnadshavare  " })).toEqual({
      status: "success",
    });
    expect(await db.registerExtractRequest.findFirstOrThrow()).toMatchObject({
      requester: "GUARDIAN",
      requesterName: "Vera Vårdnadshavare",
      identityCheckNote: null,
      status: "REGISTERED",
      registeredById: w.users.ADMIN.id,
    });
  });

  it("validates the decision: unknown decisions, NUL bytes and oversized notes refused next to the field", async () => {
    const id = await registered();
    const submit = (fields: Record<string, string>) =>
      handleForm(
        form({ requestId: id, version: "1", decision: "APPROVED", ...fields }),
        ZDecideExtractRequest,
        (input) => decideExtractRequest({ actor: w.actors.MANAGER, input }),
      );
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ decision: "MAYBE" }, { decision: "unknownChoice" }],
      [{ decision: "" }, { decision: "required" }],
      [{ decision: "REJECTED", decisionNote: "   " }, { decisionNote: "rejectionReasonRequired" }],
      [{ decisionNote: "ok\u0000" }, { decisionNote: "invalidCharacters" }],
      [{ decisionNote: "z".repeat(1001) }, { decisionNote: "tooLong" }],
      [{ version: "0" }, { version: "invalid" }],
      [{ requestId: "nej" }, { requestId: "invalid" }],
    ];
    for (const [fields, errors] of cases) {
      const state = await submit(fields);
      expect(state.status === "error" ? state.fieldErrors : state, JSON.stringify(fields).slice(0, 80)).toEqual(errors);
    }
    expect(await submit({ version: "7" })).toMatchObject({ status: "error", formError: "conflict" });
    expect(await statusOf(id)).toBe("REGISTERED");
    // A note over several lines is a note.
    expect(await submit({ decisionNote: "Styrkt.\nKontrollerat mot pass." })).toEqual({ status: "success" });
    expect(await db.registerExtractRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "APPROVED",
      decisionNote: "Styrkt.\nKontrollerat mot pass.",
    });
  });

  it("keeps an anonymised person's requests as codes and dates, without the requester's name or the notes", async () => {
    const input = registration({
      requester: "GUARDIAN",
      requesterName: "Vera Vårdnadshavare",
      identityCheck: "OTHER",
      identityCheckNote: "Känd av handläggaren",
    });
    const { id } = await registerExtractRequest({ actor: w.actors.ADMIN, input });
    await decideExtractRequest({
      actor: w.actors.MANAGER,
      input: decision(id, 1, "REJECTED", "Vårdnaden styrktes inte"),
    });
    const person = await db.person.update({
      where: { id: w.person.id },
      data: { lastActivityAt: new Date("2020-01-01T00:00:00Z") },
    });
    await anonymisePerson({ actor: w.actors.ADMIN, input: { personId: person.id, version: person.version } });
    expect(await db.registerExtractRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      requester: "GUARDIAN",
      requesterName: "",
      identityCheck: "OTHER",
      identityCheckNote: "",
      decisionNote: "",
      reference: REF,
      status: "REJECTED",
    });
    // Nothing about them is left to give out, so no new request can be registered.
    expect(await ruleOf(() => registerExtractRequest({ actor: w.actors.ADMIN, input }))).toBe("personAnonymised");
  });

  it("lists the site's requests for the administrator and those awaiting a decision for the manager, logging whom it showed", async () => {
    const first = await registered();
    const second = await approved(w.secondPerson.id);
    const all = await listExtractRequests({ actor: w.actors.ADMIN, query: { page: 1 } });
    expect(all.items.map((r) => r.id).sort()).toEqual([first, second].sort());
    const awaiting = await listExtractRequests({ actor: w.actors.MANAGER, query: { status: "REGISTERED", page: 1 } });
    expect(awaiting.items.map((r) => [r.id, r.person.label])).toEqual([[first, "Testa Testsson"]]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { actorId: w.users.MANAGER.id, action: "READ" },
      orderBy: { id: "desc" },
    });
    expect(event.metadata).toMatchObject({ status: "REGISTERED", shownPersonIds: [w.person.id] });
  });
});
