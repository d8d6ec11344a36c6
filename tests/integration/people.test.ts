import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findCaseload, findPeople, getPersonFile } from "@/lib/people/queries";
import { createAssignment, createInternalNote, createNotification, createPerson } from "../factories";
import { makeWorld, type World } from "./world";
import { assignAll } from "./confid-fixtures"; // [confid] caseload gate

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

describe("the people list", () => {
  it("shows the actor's site only, masked, and logs which people were shown", async () => {
    const page = await findPeople({ actor: w.actors.SOCIAL, query: { q: "", page: 1 } });
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.name).sort()).toEqual(["Andra Personsson", "Testa Testsson"]);
    for (const item of page.items) expect(item.maskedIdentityNumber).toMatch(/^\d{8}-XXXX$/);
    expect(JSON.stringify(page)).not.toContain(w.person.identityNumber!);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "SEARCH" } });
    expect(audit).toMatchObject({ actorId: w.users.SOCIAL.id, entityType: "Person" });
    expect((audit.metadata as { shownPersonIds: string[] }).shownPersonIds.sort()).toEqual([w.person.id, w.secondPerson.id].sort());
  });

  it("searches by name prefix, case-insensitively, and by alias", async () => {
    await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id, firstName: "Omar", lastName: "Lind", aliases: ["Blixten"] });
    const byName = await findPeople({ actor: w.actors.POLICE, query: { q: "test", page: 1 } });
    expect(byName.items.map((p) => p.name)).toEqual(["Testa Testsson"]);
    const byFullName = await findPeople({ actor: w.actors.POLICE, query: { q: "omar lin", page: 1 } });
    expect(byFullName.items.map((p) => p.name)).toEqual(["Omar Lind"]);
    const byAlias = await findPeople({ actor: w.actors.POLICE, query: { q: "Blixten", page: 1 } });
    expect(byAlias.items.map((p) => p.name)).toEqual(["Omar Lind"]);
    const otherSite = await findPeople({ actor: w.actors.POLICE, query: { q: "Annan", page: 1 } });
    expect(otherSite.total).toBe(0);
  });

  it("paginates 25 to a page", async () => {
    for (let i = 0; i < 30; i++) await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id, lastName: `Ö${String(i).padStart(2, "0")}` });
    const first = await findPeople({ actor: w.actors.POLICE, query: { q: "", page: 1 } });
    const second = await findPeople({ actor: w.actors.POLICE, query: { q: "", page: 2 } });
    expect(first).toMatchObject({ total: 32, pageCount: 2 });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(7);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(32);
  });

  it("is not for managers or administrators", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(findPeople({ actor: w.actors[role], query: { q: "", page: 1 } })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("the caseload holds the people the actor coordinates", async () => {
    await createAssignment(db, { siteId: w.site.id, personId: w.person.id, userId: w.users.PROBATION.id, agency: "PROBATION" });
    const mine = await findCaseload({ actor: w.actors.PROBATION, page: 1 });
    expect(mine.items.map((p) => p.id)).toEqual([w.person.id]);
    const theirs = await findCaseload({ actor: w.actors.POLICE, page: 1 });
    expect(theirs.total).toBe(0);
  });
});

describe("a person's file", () => {
  it("logs the read and never sends the full personnummer", async () => {
    await assignAll(w); // [confid] on their caseloads: no reason asked (tests/integration/access.test.ts)
    const file = await getPersonFile({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(file.maskedIdentityNumber).toBe(`${w.person.identityNumber!.slice(0, 8)}-XXXX`);
    expect(JSON.stringify(file)).not.toContain(w.person.identityNumber!);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "READ" } });
    expect(audit).toMatchObject({ actorId: w.users.PROBATION.id, entityType: "Person", entityId: w.person.id, personId: w.person.id });
  });

  it("shows each agency only its own internal notes", async () => {
    await assignAll(w); // [confid] on their caseloads: no reason asked
    const n = await createNotification(db, { siteId: w.site.id, personId: w.person.id, createdById: w.users.POLICE.id, createdByAgency: "POLICE" });
    await createInternalNote(db, { siteId: w.site.id, agency: "POLICE", notificationId: n.id, createdById: w.users.POLICE.id, body: "POLISENS NOT" });
    await createInternalNote(db, { siteId: w.site.id, agency: "SOCIAL", notificationId: n.id, createdById: w.users.SOCIAL.id, body: "SOCIALTJÄNSTENS NOT" });
    const asPolice = await getPersonFile({ actor: w.actors.POLICE, personId: w.person.id });
    const asSocial = await getPersonFile({ actor: w.actors.SOCIAL, personId: w.person.id });
    const asProbation = await getPersonFile({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(asPolice.notifications[0]!.notes.map((x) => x.body)).toEqual(["POLISENS NOT"]);
    expect(asSocial.notifications[0]!.notes.map((x) => x.body)).toEqual(["SOCIALTJÄNSTENS NOT"]);
    expect(asProbation.notifications[0]!.notes).toEqual([]);
    expect(JSON.stringify(asPolice)).not.toContain("SOCIALTJÄNSTENS NOT");
  });

  it("answers not found for another site, an unknown id, a malformed id, and for managers and administrators", async () => {
    const cases: [keyof World["actors"], string][] = [
      ["POLICE", w.otherPerson.id],
      ["POLICE", "00000000-0000-7000-8000-000000000000"],
      ["POLICE", "'; DROP TABLE \"Person\"; --"],
      ["MANAGER", w.person.id],
      ["ADMIN", w.person.id],
    ];
    for (const [role, personId] of cases) {
      await expect(getPersonFile({ actor: w.actors[role], personId })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count({ where: { action: "READ" } })).toBe(0);
  });
});
