import { beforeEach, describe, expect, it } from "vitest";
import { recordAuditNow } from "@/lib/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getRegisterExtract, registerExtractCsv, registerExtractJson } from "@/lib/register-extract";
import { SECTIONS } from "@/lib/register-extract/sections";
import { createAssignment, createMembership, createGroup } from "../factories";
import { giveConsent, recordsOfEveryKind } from "./confid-fixtures";
import { makeWorld, type World } from "./world";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const request = { requestReference: "KS 2026/0173", format: "html" as const };

describe("the register extract", () => {
  it("holds every kind of data about the person, of every agency, and nothing about anyone else", async () => {
    await recordsOfEveryKind(w);
    await recordsOfEveryKind(w, w.secondPerson.id);
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Västra gänget" });
    await createMembership(db, { siteId: w.site.id, personId: w.person.id, groupId: group.id, createdById: w.users.POLICE.id });
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users.SOCIAL.id, agency: "SOCIAL" });
    const consent = await giveConsent(w, w.person.id, ["SOCIAL", "POLICE"]);
    await db.disclosure.create({
      data: { siteId: w.site.id, personId: w.person.id, fromAgency: "SOCIAL", toAgency: "POLICE", legalBasis: "CONSENT", consentId: consent.id, entityType: "Referral", actorId: w.users.POLICE.id },
    });
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "Person", personId: w.person.id, reason: "PLANNED_CONTACT: möte i morgon" });
    await db.disclosure.create({
      data: { siteId: w.site.id, personId: w.person.id, fromAgency: "POLICE", toAgency: "SOCIAL", legalBasis: "OSL_10_18A", legalBasisDetail: "Brådskande fara för liv", entityType: "EnforcementAction", actorId: w.users.SOCIAL.id },
    });
    // Named only in metadata: a search and a group page that showed the person, and a list of someone else.
    await recordAuditNow(w.actors.SOCIAL, { action: "SEARCH", entityType: "Person", metadata: { shownPersonIds: [w.secondPerson.id, w.person.id] } });
    await recordAuditNow(w.actors.PROBATION, { action: "READ", entityType: "Group", metadata: { shownPersonIds: [w.person.id] } });
    await recordAuditNow(w.actors.POLICE, { action: "READ", entityType: "PeopleList", metadata: { shownPersonIds: [w.secondPerson.id] } });

    const extract = await getRegisterExtract({ actor: w.actors.ADMIN, personId: w.person.id, request });
    expect(extract.sections.map((s) => s.key)).toEqual(SECTIONS.map((s) => s.key));
    const rows = Object.fromEntries(extract.sections.map((s) => [s.key, s.rows]));
    expect(rows.person).toEqual([expect.objectContaining({ firstName: "Testa", lastName: "Testsson", identityNumber: `${w.person.identityNumber!.slice(0, 8)}-${w.person.identityNumber!.slice(8)}` })]);
    expect(rows.memberships).toEqual([expect.objectContaining({ group: "Västra gänget" })]);
    expect(rows.assignments).toEqual([expect.objectContaining({ agency: "SOCIAL", coordinator: w.users.SOCIAL.name })]);
    expect(rows.notifications).toEqual([expect.objectContaining({ nextStep: "Nästa steg: fritext", createdByAgency: "POLICE" })]);
    expect(rows.callIns).toEqual([expect.objectContaining({ venue: "Rådhuset", status: "ATTENDED" })]);
    expect(rows.referrals).toEqual([expect.objectContaining({ status: "REFERRED", source: "CUSTOM_NOTIFICATION" })]);
    expect(rows.referralStatusChanges).toEqual([expect.objectContaining({ toStatus: "REFERRED", comment: "Kommentar: fritext" })]);
    expect(rows.supportMeasures).toEqual([expect.objectContaining({ type: "RELOCATION", destinationTown: "Skyddad ort" })]);
    expect(rows.followUps).toEqual([expect.objectContaining({ agency: "PROBATION", summary: "Sammanfattning: fritext" })]);
    expect(rows.enforcementActions).toEqual([expect.objectContaining({ type: "ARREST", description: "Beskrivning: fritext" })]);
    expect(rows.incidents).toEqual([expect.objectContaining({ type: "SHOOTING", role: "VICTIM" })]);
    expect(rows.consents).toEqual([expect.objectContaining({ agencies: "SOCIAL, POLICE", documentReference: "DOK-1", withdrawnAt: null })]);
    expect(rows.disclosures).toEqual([
      expect.objectContaining({ fromAgency: "SOCIAL", toAgency: "POLICE", legalBasis: "CONSENT", legalBasisDetail: null, consentGivenOn: "2026-01-01", consentDocumentReference: "DOK-1" }),
      expect.objectContaining({ fromAgency: "POLICE", toAgency: "SOCIAL", legalBasis: "OSL_10_18A", legalBasisDetail: "Brådskande fara för liv", consentGivenOn: null, consentDocumentReference: null }),
    ]);
    // Every agency's internal notes: the extract is everything held, before each agency's secrecy review.
    expect(rows.internalNotes!.map((n) => [n.agency, n.about, n.body]).sort()).toEqual([
      ["POLICE", "Person", "POLISENS NOT"],
      ["SOCIAL", "CustomNotification", "SOCIALTJÄNSTENS NOT"],
    ]);
    // Who processed the data and why: role and purpose, not the official's name or free text.
    expect(rows.accessLog).toEqual([
      { occurredAt: expect.any(String), action: "READ", role: "POLICE", entityType: "Person", purpose: "PLANNED_CONTACT" },
      { occurredAt: expect.any(String), action: "SEARCH", role: "SOCIAL", entityType: "Person", purpose: null },
      { occurredAt: expect.any(String), action: "READ", role: "PROBATION", entityType: "Group", purpose: null },
    ]);

    const json = registerExtractJson(extract);
    expect(json).not.toContain(w.secondPerson.id);
    expect(JSON.stringify(extract)).not.toContain("Andra");
  });

  it("is logged as an export with the request's reference, in every format", async () => {
    await getRegisterExtract({ actor: w.actors.ADMIN, personId: w.person.id, request });
    await getRegisterExtract({ actor: w.actors.ADMIN, personId: w.person.id, request: { ...request, format: "json" } });
    const events = await db.auditEvent.findMany({ where: { action: "EXPORT", entityType: "RegisterExtract" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorId, e.personId, e.reason, (e.metadata as { format: string }).format])).toEqual([
      [w.users.ADMIN.id, w.person.id, "KS 2026/0173", "html"],
      [w.users.ADMIN.id, w.person.id, "KS 2026/0173", "json"],
    ]);
    expect((events[0]!.metadata as { rows: Record<string, number> }).rows).toMatchObject({ person: 1, notifications: 0 });
  });

  it("renders as JSON and as a long-form CSV", async () => {
    await recordsOfEveryKind(w);
    const extract = await getRegisterExtract({ actor: w.actors.ADMIN, personId: w.person.id, request });
    const parsed = JSON.parse(registerExtractJson(extract)) as { kind: string; requestReference: string; sections: Record<string, unknown[]> };
    expect(parsed).toMatchObject({ kind: "registerutdrag", requestReference: "KS 2026/0173" });
    expect(Object.keys(parsed.sections)).toEqual(SECTIONS.map((s) => s.key));
    const csv = registerExtractCsv(extract).replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("section;row;field;value");
    expect(csv).toContain("person;1;lastName;Testsson");
    expect(csv).toContain("internalNotes;1;body;SOCIALTJÄNSTENS NOT");
  });

  it("is ADMIN's alone, for people of ADMIN's own site", async () => {
    for (const role of ["POLICE", "SOCIAL", "PROBATION", "MANAGER"] as const) {
      await expect(getRegisterExtract({ actor: w.actors[role], personId: w.person.id, request }), role).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getRegisterExtract({ actor: w.actors.ADMIN, personId: w.otherPerson.id, request })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRegisterExtract({ actor: w.actors.ADMIN, personId: "nej", request })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
