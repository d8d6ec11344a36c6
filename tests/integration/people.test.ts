import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { findCaseload, findPeople, getPeopleFilterOptions, getPersonFile } from "@/lib/people/queries";
import { ZFindPeople } from "@/lib/people/schemas";
import { generateIdentityNumber } from "@/lib/validation/personnummer";
import {
  createAssignment,
  createCallIn,
  createCallInInvitee,
  createGroup,
  createInternalNote,
  createMembership,
  createNotification,
  createPerson,
} from "@/prisma/factories";
import { assignAll, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

// As the URL gives it: strings, anything at all.
const search = (actor: World["actors"]["POLICE"], input: Record<string, string>) =>
  findPeople({ actor, query: ZFindPeople.parse(input) });
const names = (page: { items: { name: string }[] }) => page.items.map((p) => p.name).sort();

describe("the people list", () => {
  it("shows the actor's site only, masked, and logs which people were shown but not what was searched", async () => {
    const page = await findPeople({ actor: w.actors.SOCIAL, query: { q: "", page: 1 } });
    expect(page.total).toBe(2);
    expect(names(page)).toEqual(["Andra Personsson", "Testa Testsson"]);
    for (const item of page.items) expect(item.maskedIdentityNumber).toMatch(/^\d{8}-XXXX$/);
    expect(JSON.stringify(page)).not.toContain(w.person.identityNumber!);

    await search(w.actors.SOCIAL, { q: w.person.identityNumber!, page: "1" });
    const audits = await db.auditEvent.findMany({ where: { action: "SEARCH" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorId: w.users.SOCIAL.id, entityType: "Person" });
    expect((audits[0]!.metadata as { shownPersonIds: string[] }).shownPersonIds.sort()).toEqual(
      [w.person.id, w.secondPerson.id].sort(),
    );
    expect(audits[1]!.metadata).toMatchObject({ searched: true, shownPersonIds: [w.person.id] });
    expect(JSON.stringify(audits.map((a) => a.metadata))).not.toContain(w.person.identityNumber!);
  });

  it("searches by word prefix of first name, last name and alias, case-insensitively, Swedish letters too", async () => {
    await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      firstName: "Omar",
      lastName: "Lind",
      aliases: ["Blixten"],
    });
    await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      firstName: "Anna-Karin",
      lastName: "Öberg",
      aliases: ["Lilla Å"],
    });
    expect(names(await search(w.actors.POLICE, { q: "test" }))).toEqual(["Testa Testsson"]);
    expect(names(await search(w.actors.POLICE, { q: "omar lin" }))).toEqual(["Omar Lind"]);
    expect(names(await search(w.actors.POLICE, { q: "blix" }))).toEqual(["Omar Lind"]);
    expect(names(await search(w.actors.POLICE, { q: "öberg" }))).toEqual(["Anna-Karin Öberg"]);
    expect(names(await search(w.actors.POLICE, { q: "KARIN" }))).toEqual(["Anna-Karin Öberg"]);
    expect(names(await search(w.actors.POLICE, { q: "å" }))).toEqual(["Anna-Karin Öberg"]);
    // A word prefix, not any substring: "sson" is inside "Testsson" but starts no word.
    expect((await search(w.actors.POLICE, { q: "sson" })).total).toBe(0);
    // Wildcards typed by the user are not wildcards.
    expect((await search(w.actors.POLICE, { q: "%" })).total).toBe(4);
    expect((await search(w.actors.POLICE, { q: "_esta" })).total).toBe(0);
    expect((await search(w.actors.POLICE, { q: "Annan" })).total).toBe(0);
  });

  it("finds a personnummer in every form a person types it, and by the start of it", async () => {
    const birth = new Date(Date.UTC(1990, 0, 1));
    const number = generateIdentityNumber(birth, 42); // 19900101NNNC
    const omar = await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      firstName: "Omar",
      lastName: "Lind",
      identityNumber: number,
    });
    const other = generateIdentityNumber(birth, 77);
    await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      firstName: "Same",
      lastName: "Birthday",
      identityNumber: other,
    });
    const short = number.slice(2);
    for (const q of [
      number,
      `${number.slice(0, 8)}-${number.slice(8)}`,
      short,
      `${short.slice(0, 6)}-${short.slice(6)}`,
      `${short.slice(0, 6)} ${short.slice(6)}`,
    ]) {
      const found = await search(w.actors.POLICE, { q });
      expect(
        found.items.map((p) => p.id),
        q,
      ).toEqual([omar.id]);
    }
    // Serials 043 and 078: the date finds both, the date and two more digits one.
    for (const q of ["900101", "19900101", "900101-"]) expect((await search(w.actors.POLICE, { q })).total, q).toBe(2);
    expect((await search(w.actors.POLICE, { q: "900101-04" })).items.map((p) => p.id)).toEqual([omar.id]);
    expect((await search(w.actors.POLICE, { q: "199001010" })).total).toBe(2);
    expect(names(await search(w.actors.POLICE, { q: "omar 900101" }))).toEqual(["Omar Lind"]);
    // A wrong check digit, a number of another site, and text that cannot be a number find nobody.
    const wrongCheck = number.slice(0, 11) + String((Number(number[11]) + 1) % 10);
    for (const q of [wrongCheck, w.otherPerson.identityNumber!, "123", "901301"])
      expect((await search(w.actors.POLICE, { q })).total, q).toBe(0);
  });

  it("finds a samordningsnummer by its number and by the real birth date", async () => {
    const number = generateIdentityNumber(new Date(Date.UTC(1992, 4, 7)), 5, true); // day 67
    const p = await createPerson(db, { siteId: w.site.id, createdById: w.users.POLICE.id, identityNumber: number });
    expect((await search(w.actors.POLICE, { q: number })).items.map((i) => i.id)).toEqual([p.id]);
    expect((await search(w.actors.POLICE, { q: "920507" })).items.map((i) => i.id)).toEqual([p.id]);
  });

  it("finds someone without a personnummer by birth date", async () => {
    const p = await createPerson(db, {
      siteId: w.site.id,
      createdById: w.users.POLICE.id,
      identityNumber: null,
      birthDate: new Date(Date.UTC(2001, 2, 3)),
    });
    expect((await search(w.actors.POLICE, { q: "20010303" })).items.map((i) => i.id)).toEqual([p.id]);
  });

  it("filters by group (current members), status, coordinator and notified, together with the search", async () => {
    const group = await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id });
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.person.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
    });
    // A membership that ended is not "in the group" any more.
    await createMembership(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      groupId: group.id,
      createdById: w.users.POLICE.id,
      validTo: new Date(Date.UTC(2020, 0, 1)),
    });
    await db.person.update({ where: { id: w.secondPerson.id }, data: { status: "DEPRIVED_OF_LIBERTY" } });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
    });
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
      endedAt: new Date(),
    });
    await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      outcome: "DELIVERED",
    });
    await createNotification(db, {
      siteId: w.site.id,
      personId: w.secondPerson.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
      outcome: "NOT_FOUND",
      response: null,
    });

    expect(names(await search(w.actors.POLICE, { group: group.id }))).toEqual(["Testa Testsson"]);
    expect(names(await search(w.actors.POLICE, { status: "DEPRIVED_OF_LIBERTY" }))).toEqual(["Andra Personsson"]);
    expect(names(await search(w.actors.POLICE, { coordinator: w.users.PROBATION.id }))).toEqual(["Andra Personsson"]);
    expect(names(await search(w.actors.POLICE, { notified: "yes" }))).toEqual(["Testa Testsson"]);
    expect(names(await search(w.actors.POLICE, { notified: "no" }))).toEqual(["Andra Personsson"]);
    expect((await search(w.actors.POLICE, { notified: "yes", q: "andra" })).total).toBe(0);
    expect(
      (await search(w.actors.POLICE, { group: group.id, status: "ACTIVE", notified: "yes", q: "testa" })).total,
    ).toBe(1);
    // The list shows current groups only, and counts delivered notifications only.
    const listed = (await search(w.actors.POLICE, {})).items;
    expect(listed.find((i) => i.id === w.person.id)).toMatchObject({
      groups: [{ id: group.id, name: group.name }],
      notificationCount: 1,
    });
    expect(listed.find((i) => i.id === w.secondPerson.id)).toMatchObject({ groups: [], notificationCount: 0 });

    // Attending a call-in delivers the message too.
    const callIn = await createCallIn(db, {
      siteId: w.site.id,
      occurredAt: new Date(Date.UTC(2020, 1, 1)),
      venue: "Rådhuset",
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await createCallInInvitee(db, { callInId: callIn.id, personId: w.secondPerson.id, status: "ATTENDED" });
    expect(names(await search(w.actors.POLICE, { notified: "yes" }))).toEqual(["Andra Personsson", "Testa Testsson"]);

    // Unknown values in the URL are no filter, never an error.
    expect(
      (await search(w.actors.POLICE, { group: "x'; --", status: "ALIVE", notified: "maybe", coordinator: "1" })).total,
    ).toBe(2);
    // The audit keeps the filter codes.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "SEARCH" }, orderBy: { id: "asc" } });
    expect(audit.metadata).toMatchObject({
      filters: { groupId: group.id, status: null, coordinatorId: null, notified: null },
    });
  });

  it("paginates 25 to a page, ordered by name", async () => {
    for (let i = 0; i < 30; i++)
      await createPerson(db, {
        siteId: w.site.id,
        createdById: w.users.POLICE.id,
        lastName: `Ö${String(i).padStart(2, "0")}`,
      });
    const first = await search(w.actors.POLICE, {});
    const second = await search(w.actors.POLICE, { page: "2" });
    expect(first).toMatchObject({ total: 32, pageCount: 2 });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(7);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(32);
    expect(second.items.at(-1)!.name).toMatch(/Ö29$/);
  });

  it("offers the site's groups and coordinators as filters", async () => {
    await createGroup(db, { siteId: w.site.id, createdById: w.users.POLICE.id, name: "Hamnligan" });
    await createGroup(db, { siteId: w.otherSite.id, createdById: w.otherActor.id, name: "Annan ort" });
    const options = await getPeopleFilterOptions({ actor: w.actors.SOCIAL });
    expect(options.groups.map((g) => g.name)).toEqual(["Hamnligan"]);
    expect(options.coordinators.map((c) => c.role).sort()).toEqual(["POLICE", "PROBATION", "SOCIAL"]);
  });

  it("is not for managers or administrators", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(findPeople({ actor: w.actors[role], query: { q: "", page: 1 } })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(getPeopleFilterOptions({ actor: w.actors[role] })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("the caseload holds the people the actor coordinates", async () => {
    await createAssignment(db, {
      siteId: w.site.id,
      personId: w.person.id,
      userId: w.users.PROBATION.id,
      agency: "PROBATION",
    });
    const mine = await findCaseload({ actor: w.actors.PROBATION, page: 1 });
    expect(mine.items.map((p) => p.id)).toEqual([w.person.id]);
    const theirs = await findCaseload({ actor: w.actors.POLICE, page: 1 });
    expect(theirs.total).toBe(0);
  });
});

describe("a person's file", () => {
  it("logs the read and never sends the full personnummer", async () => {
    await assignAll(w); // [confid] on their caseloads: no reason asked (tests/integration/caseload-gate.test.ts)
    const file = await getPersonFile({ actor: w.actors.PROBATION, personId: w.person.id });
    expect(file.maskedIdentityNumber).toBe(`${w.person.identityNumber!.slice(0, 8)}-XXXX`);
    expect(JSON.stringify(file)).not.toContain(w.person.identityNumber!);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "READ" } });
    expect(audit).toMatchObject({
      actorId: w.users.PROBATION.id,
      entityType: "Person",
      entityId: w.person.id,
      personId: w.person.id,
    });
  });

  it("shows each agency only its own internal notes", async () => {
    await assignAll(w); // [confid] on their caseloads: no reason asked
    const n = await createNotification(db, {
      siteId: w.site.id,
      personId: w.person.id,
      createdById: w.users.POLICE.id,
      createdByAgency: "POLICE",
    });
    await createInternalNote(db, {
      siteId: w.site.id,
      agency: "POLICE",
      notificationId: n.id,
      createdById: w.users.POLICE.id,
      body: "POLISENS NOT",
    });
    await createInternalNote(db, {
      siteId: w.site.id,
      agency: "SOCIAL",
      notificationId: n.id,
      createdById: w.users.SOCIAL.id,
      body: "SOCIALTJÄNSTENS NOT",
    });
    const notesOf = async (role: "POLICE" | "SOCIAL" | "PROBATION") => {
      const file = await getPersonFile({ actor: w.actors[role], personId: w.person.id });
      const entry = file.timeline.find((e) => e.kind === "notification");
      return { file, notes: entry?.kind === "notification" ? entry.notes.map((x) => x.body) : null };
    };
    expect((await notesOf("POLICE")).notes).toEqual(["POLISENS NOT"]);
    expect((await notesOf("SOCIAL")).notes).toEqual(["SOCIALTJÄNSTENS NOT"]);
    const probation = await notesOf("PROBATION");
    expect(probation.notes).toEqual([]);
    expect(JSON.stringify(probation.file)).not.toContain("NOT");
  });

  it("answers not found for another site, an unknown id, a malformed id, and for managers and administrators", async () => {
    const cases: [keyof World["actors"], string][] = [
      ["POLICE", w.otherPerson.id],
      ["POLICE", "00000000-0000-7000-8000-000000000000"],
      ["POLICE", '\'; DROP TABLE "Person"; --'],
      ["MANAGER", w.person.id],
      ["ADMIN", w.person.id],
    ];
    for (const [role, personId] of cases) {
      await expect(getPersonFile({ actor: w.actors[role], personId })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db.auditEvent.count({ where: { action: "READ" } })).toBe(0);
  });
});

describe("a broad search at scale", () => {
  it("finds a one-letter search's page in name order, many matches or few", async () => {
    const { COUNT_AHEAD } = await import("@/lib/people/queries");
    // Many people with a word on "b" (more than the count looks ahead), and two on the rare "x".
    await db.$executeRawUnsafe(
      `INSERT INTO "Person"(id, "siteId", "firstName", "lastName", "createdById", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Bo', 'Ek' || lpad(i::text, 5, '0'), $2::uuid, now() FROM generate_series(1, ${COUNT_AHEAD + 40}) i
       UNION ALL SELECT gen_random_uuid(), $1::uuid, 'Xena', 'Zorn', $2::uuid, now()
       UNION ALL SELECT gen_random_uuid(), $1::uuid, 'Xerxes', 'Ahl', $2::uuid, now()`,
      w.site.id,
      w.users.POLICE.id,
    );
    const many = await search(w.actors.POLICE, { q: "b" });
    expect(many).toMatchObject({ totalIsLowerBound: true });
    expect(many.items.map((p) => p.name).slice(0, 3)).toEqual(["Bo Ek00001", "Bo Ek00002", "Bo Ek00003"]);
    const page2 = await search(w.actors.POLICE, { q: "b", page: "2" });
    expect(page2.items[0]!.name).toBe("Bo Ek00026");
    const few = await search(w.actors.POLICE, { q: "x" });
    expect(few).toMatchObject({ total: 2, totalIsLowerBound: false });
    expect(few.items.map((p) => p.name)).toEqual(["Xerxes Ahl", "Xena Zorn"]);
  });

  it("counts exactly up to a limit past the page, then says 'more than' and keeps the next pages reachable", async () => {
    const { COUNT_AHEAD } = await import("@/lib/people/queries");
    // Bulk insert: the factory would take minutes for this many.
    await db.$executeRawUnsafe(
      `INSERT INTO "Person"(id, "siteId", "firstName", "lastName", "createdById", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Bred', 'Sökning' || i, $2::uuid, now() FROM generate_series(1, ${COUNT_AHEAD + 30}) i`,
      w.site.id,
      w.users.POLICE.id,
    );
    // A word of three letters or more is counted exactly (the trigram index yields every match anyway).
    expect(await search(w.actors.POLICE, { q: "bred" })).toMatchObject({
      total: COUNT_AHEAD + 30,
      totalIsLowerBound: false,
    });
    // Two letters match a fifth of a register: counted up to the limit past the page.
    const first = await search(w.actors.POLICE, { q: "br" });
    expect(first).toMatchObject({ total: 25 + COUNT_AHEAD, totalIsLowerBound: true, pageCount: 1 + COUNT_AHEAD / 25 });
    expect(first.items).toHaveLength(25);
    const later = await search(w.actors.POLICE, { q: "br", page: "3" });
    expect(later).toMatchObject({ total: COUNT_AHEAD + 30, totalIsLowerBound: false });
    // The last page is not full: its rows give the exact total (no count); past the end, counted.
    const last = await search(w.actors.POLICE, { q: "br", page: String(Math.ceil((COUNT_AHEAD + 30) / 25)) });
    expect(last).toMatchObject({ total: COUNT_AHEAD + 30, totalIsLowerBound: false });
    expect(last.items).toHaveLength((COUNT_AHEAD + 30) % 25);
    const beyond = await search(w.actors.POLICE, { q: "br", page: "60" });
    expect(beyond).toMatchObject({ total: COUNT_AHEAD + 30, totalIsLowerBound: false, items: [] });
    // A number search counts only when its page is full: 30 people born the same day.
    await db.$executeRawUnsafe(
      `INSERT INTO "Person"(id, "siteId", "firstName", "lastName", "birthDate", "createdById", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, 'Samma', 'Dag' || i, date '1999-04-03', $2::uuid, now() FROM generate_series(1, 30) i`,
      w.site.id,
      w.users.POLICE.id,
    );
    expect(await search(w.actors.POLICE, { q: "19990403" })).toMatchObject({
      total: 30,
      totalIsLowerBound: false,
      pageCount: 2,
    });
    const second = await search(w.actors.POLICE, { q: "19990403", page: "2" });
    expect(second).toMatchObject({ total: 30, pageCount: 2 });
    expect(second.items).toHaveLength(5);
    expect(await search(w.actors.POLICE, { q: "19990403", page: "3" })).toMatchObject({ total: 30, items: [] });
    const exact = await search(w.actors.POLICE, { q: "testa" });
    expect(exact).toMatchObject({ total: 1, totalIsLowerBound: false });
  });
});
