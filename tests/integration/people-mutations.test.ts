import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { handleForm } from "@/lib/forms";
import {
  createPerson,
  DuplicateIdentityNumberError,
  PossibleDuplicateError,
  updatePerson,
} from "@/lib/people/mutations";
import { ZCreatePerson, ZUpdatePerson } from "@/lib/people/schemas";
import { generateIdentityNumber } from "@/lib/validation/personnummer";
import { form, giveReasonAll, makeWorld, type World } from "./fixtures";

let w: World;
beforeEach(async () => {
  w = await makeWorld();
  // The caseload gate (lib/caseload-gate, tested in caseload-gate.test.ts): every agency user has given a reason,
  // as the pages ask them to (an assignment would change the assignments counted here).
  await giveReasonAll(w);
  await giveReasonAll(w, w.secondPerson.id);
});

type Actor = World["actors"]["POLICE"];
const NUMBER = generateIdentityNumber(new Date(Date.UTC(1999, 6, 14)), 321);

const valid = () => ({
  firstName: " Omar ",
  lastName: "Lind",
  identityNumber: `${NUMBER.slice(2, 8)}-${NUMBER.slice(8)}`,
  birthDate: "",
  aliases: "Blixten, Snabben, Blixten",
  status: "ACTIVE",
  assignToMe: "on",
});

const create = (actor: Actor, fields: Record<string, string>) =>
  handleForm(form(fields), ZCreatePerson, (input) => createPerson({ actor, input }));
const update = (actor: Actor, fields: Record<string, string | number>) =>
  handleForm(form(fields), ZUpdatePerson, (input) => updatePerson({ actor, input }));

async function counts() {
  const [people, assignments, audits] = await Promise.all([
    db.person.count(),
    db.assignment.count(),
    db.auditEvent.count({ where: { action: { in: ["CREATE", "UPDATE"] } } }),
  ]);
  return { people, assignments, audits };
}

describe("registering a person", () => {
  it("stores the number normalised to 12 digits, the birth date from it, the aliases, the coordinator and the audit event together", async () => {
    expect(await create(w.actors.PROBATION, valid())).toEqual({ status: "success" });
    const saved = await db.person.findFirstOrThrow({ where: { lastName: "Lind" }, include: { assignments: true } });
    expect(saved).toMatchObject({
      siteId: w.site.id,
      firstName: "Omar",
      identityNumber: NUMBER,
      identityNumberKind: "PERSONNUMMER",
      birthDate: new Date("1999-07-14T00:00:00Z"),
      aliases: ["Blixten", "Snabben"],
      status: "ACTIVE",
      createdById: w.users.PROBATION.id,
      searchText: " omar lind blixten snabben",
    });
    expect(saved.assignments).toMatchObject([{ userId: w.users.PROBATION.id, agency: "PROBATION", endedAt: null }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "CREATE" } });
    expect(audit).toMatchObject({
      actorId: w.users.PROBATION.id,
      entityType: "Person",
      entityId: saved.id,
      personId: saved.id,
    });
    expect(JSON.stringify(audit.metadata)).not.toMatch(/Omar|Lind|Blixten|\d{10}/);
  });

  it("accepts a samordningsnummer and someone with only a birth date", async () => {
    const coordination = generateIdentityNumber(new Date(Date.UTC(1990, 4, 7)), 12, true);
    expect(await create(w.actors.SOCIAL, { ...valid(), identityNumber: coordination })).toEqual({ status: "success" });
    expect(await db.person.findFirst({ where: { identityNumber: coordination } })).toMatchObject({
      identityNumberKind: "SAMORDNINGSNUMMER",
      birthDate: new Date("1990-05-07T00:00:00Z"),
    });
    expect(
      await create(w.actors.SOCIAL, {
        ...valid(),
        firstName: "Utan",
        identityNumber: "",
        birthDate: "2001-02-03",
        assignToMe: "",
      }),
    ).toEqual({ status: "success" });
    expect(await db.person.findFirst({ where: { firstName: "Utan" } })).toMatchObject({
      identityNumber: null,
      identityNumberKind: null,
      birthDate: new Date("2001-02-03T00:00:00Z"),
    });
  });

  it.each([
    [
      "a wrong check digit",
      { identityNumber: NUMBER.slice(0, 11) + String((Number(NUMBER[11]) + 1) % 10) },
      { identityNumber: "invalidIdentityNumber" },
    ],
    [
      "an impossible date in the number",
      { identityNumber: "19990230-1234" },
      { identityNumber: "invalidIdentityNumber" },
    ],
    ["letters in the number", { identityNumber: "990714-ABCD" }, { identityNumber: "invalidIdentityNumber" }],
    ["no first name", { firstName: "  " }, { firstName: "required" }],
    ["an oversized last name", { lastName: "x".repeat(101) }, { lastName: "tooLong" }],
    [
      "eleven aliases",
      { aliases: Array.from({ length: 11 }, (_, i) => `A${i}`).join(",") },
      { aliases: "tooManyAliases" },
    ],
    ["an oversized alias", { aliases: "x".repeat(51) }, { aliases: "tooLong" }],
    ["a birth date in the future", { identityNumber: "", birthDate: "2999-01-01" }, { birthDate: "futureDate" }],
    ["a birth date that is no date", { identityNumber: "", birthDate: "2001-02-30" }, { birthDate: "invalidDate" }],
    ["a birth date that disagrees with the number", { birthDate: "1999-07-15" }, { birthDate: "birthDateMismatch" }],
    ["an unknown status", { status: "ALIVE" }, { status: "required" }],
  ])("refuses %s with a field error, keeps the input and changes nothing", async (_label, change, fieldErrors) => {
    const input = { ...valid(), ...change };
    const state = await create(w.actors.POLICE, input);
    expect(state).toMatchObject({ status: "error", formError: "checkFields", fieldErrors });
    if (state.status === "error")
      expect(state.values).toMatchObject({ lastName: input.lastName, aliases: input.aliases });
    expect(await counts()).toEqual({ people: 3, assignments: 0, audits: 0 });
  });

  it("refuses a personnummer already registered at the site, pointing at that person", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: { identityNumber: NUMBER, identityNumberKind: "PERSONNUMMER" },
    });
    const state = await create(w.actors.POLICE, valid());
    expect(state).toMatchObject({
      status: "error",
      formError: "checkFields",
      fieldErrors: { identityNumber: "duplicateIdentityNumber" },
    });
    const input = ZCreatePerson.parse(valid());
    const error = await createPerson({ actor: w.actors.POLICE, input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateIdentityNumberError);
    expect((error as DuplicateIdentityNumberError).existing).toEqual({ id: w.person.id, name: "Testa Testsson" });
    expect(await counts()).toEqual({ people: 3, assignments: 0, audits: 0 });
    // Another site's register is its own: the same number may be registered there.
    await db.person.update({ where: { id: w.person.id }, data: { identityNumber: null, identityNumberKind: null } });
    await db.person.update({
      where: { id: w.otherPerson.id },
      data: { identityNumber: NUMBER, identityNumberKind: "PERSONNUMMER" },
    });
    expect(await create(w.actors.POLICE, valid())).toEqual({ status: "success" });
  });

  it("warns about the same name and birth date, and saves once the user confirms", async () => {
    await db.person.update({
      where: { id: w.person.id },
      data: {
        firstName: "omar",
        lastName: "LIND",
        identityNumber: null,
        identityNumberKind: null,
        birthDate: new Date("1999-07-14T00:00:00Z"),
      },
    });
    const state = await create(w.actors.POLICE, valid());
    expect(state).toMatchObject({ status: "error", formError: "possibleDuplicate", fieldErrors: {} });
    const error = await createPerson({ actor: w.actors.POLICE, input: ZCreatePerson.parse(valid()) }).catch(
      (e: unknown) => e,
    );
    expect((error as PossibleDuplicateError).matches).toEqual([{ id: w.person.id, name: "omar LIND" }]);
    expect(await counts()).toEqual({ people: 3, assignments: 0, audits: 0 });
    expect(await create(w.actors.POLICE, { ...valid(), confirmDuplicate: "on" })).toEqual({ status: "success" });
    expect(await counts()).toEqual({ people: 4, assignments: 1, audits: 1 });
  });

  it("finds the same person spelt another way (Mohammed Ahmed / Muhammad Ahmad), names swapped, but not another name on that day", async () => {
    const born = new Date("1999-07-14T00:00:00Z");
    const unnumbered = { identityNumber: null, identityNumberKind: null, birthDate: born };
    await db.person.update({
      where: { id: w.person.id },
      data: { firstName: "Mohammed", lastName: "Ahmed", ...unnumbered },
    });
    await db.person.update({
      where: { id: w.otherPerson.id },
      data: { firstName: "Mehmet", lastName: "Ahmed", ...unnumbered },
    });
    const matches = async (firstName: string, lastName: string) => {
      const error = await createPerson({
        actor: w.actors.POLICE,
        input: ZCreatePerson.parse({ ...valid(), firstName, lastName }),
      }).catch((e: unknown) => e);
      return error instanceof PossibleDuplicateError ? error.matches.map((m) => m.name) : [];
    };
    expect(await matches("Muhammad", "Ahmad")).toEqual(["Mohammed Ahmed"]);
    expect(await matches("Ahmad", "Mohamed")).toEqual(["Mohammed Ahmed"]);
    expect(await counts()).toEqual({ people: 3, assignments: 0, audits: 0 });
    // Never Mehmet Ahmed, born the same day (above); a name nobody has that day saves at once.
    expect(await matches("Omar", "Lind")).toEqual([]);
    expect(await counts()).toEqual({ people: 4, assignments: 1, audits: 1 });
  });

  it("is not for managers or administrators", async () => {
    for (const role of ["MANAGER", "ADMIN"] as const) {
      await expect(createPerson({ actor: w.actors[role], input: ZCreatePerson.parse(valid()) })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await counts()).toEqual({ people: 3, assignments: 0, audits: 0 });
  });
});

describe("editing a person", () => {
  const edit = (version = 1) => ({
    personId: w.person.id,
    version,
    firstName: "Testa",
    lastName: "Nyberg",
    identityNumber: "",
    birthDate: "",
    aliases: "Räven",
    status: "DEPRIVED_OF_LIBERTY",
  });

  it("saves with the version the user saw, keeps the stored number when the field is empty, restarts 'status since', and audits the changed fields", async () => {
    const before = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(await update(w.actors.POLICE, edit())).toEqual({ status: "success" });
    const after = await db.person.findUniqueOrThrow({ where: { id: w.person.id } });
    expect(after).toMatchObject({
      lastName: "Nyberg",
      aliases: ["Räven"],
      status: "DEPRIVED_OF_LIBERTY",
      identityNumber: before.identityNumber,
      birthDate: before.birthDate,
      version: 2,
      searchText: " testa nyberg räven",
    });
    expect(after.statusSince.getTime()).toBeGreaterThan(before.statusSince.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "UPDATE" } });
    expect(audit).toMatchObject({
      entityType: "Person",
      entityId: w.person.id,
      personId: w.person.id,
      metadata: { changed: ["lastName", "aliases", "status"], version: 2, status: "DEPRIVED_OF_LIBERTY" },
    });
  });

  it("refuses the second of two edits from the same version: conflict, input kept, nothing changed", async () => {
    expect(await update(w.actors.POLICE, edit())).toEqual({ status: "success" });
    const second = await update(w.actors.SOCIAL, { ...edit(), lastName: "Annorlunda" });
    expect(second).toMatchObject({ status: "error", formError: "conflict", values: { lastName: "Annorlunda" } });
    expect(await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).toMatchObject({
      lastName: "Nyberg",
      version: 2,
    });
    expect(await db.auditEvent.count({ where: { action: "UPDATE" } })).toBe(1);
  });

  it("corrects the number, but not to someone else's, and refuses a birth date that disagrees with the stored number", async () => {
    expect(await update(w.actors.POLICE, { ...edit(), identityNumber: w.secondPerson.identityNumber! })).toMatchObject({
      fieldErrors: { identityNumber: "duplicateIdentityNumber" },
    });
    expect(await update(w.actors.POLICE, { ...edit(), birthDate: "1980-01-01" })).toMatchObject({
      fieldErrors: { birthDate: "birthDateMismatch" },
    });
    expect(await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).toMatchObject({
      lastName: "Testsson",
      version: 1,
    });
    expect(await update(w.actors.POLICE, { ...edit(), identityNumber: NUMBER })).toEqual({ status: "success" });
    expect(await db.person.findUniqueOrThrow({ where: { id: w.person.id } })).toMatchObject({
      identityNumber: NUMBER,
      birthDate: new Date("1999-07-14T00:00:00Z"),
    });
  });

  it("answers not found for an unknown id, another site's person and a malformed id, and changes nothing", async () => {
    for (const personId of ["00000000-0000-7000-8000-000000000000", w.otherPerson.id]) {
      expect(await update(w.actors.POLICE, { ...edit(), personId })).toMatchObject({
        status: "error",
        formError: "notFound",
      });
    }
    expect(await update(w.actors.POLICE, { ...edit(), personId: "nope" })).toMatchObject({
      status: "error",
      fieldErrors: { personId: "invalid" },
    });
    expect(await update(w.actors.POLICE, { ...edit(), version: "x" as unknown as number })).toMatchObject({
      status: "error",
      fieldErrors: { version: "invalid" },
    });
    // Besides the reasons given in beforeEach (the caseload gate's grants).
    expect(await db.auditEvent.count({ where: { entityType: { not: "PersonAccess" } } })).toBe(0);
    expect(await db.person.findUniqueOrThrow({ where: { id: w.otherPerson.id } })).toMatchObject({
      lastName: "Ortsson",
      version: 1,
    });
  });
});
