import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { NOT_IN_EXTRACT, SECTIONS } from "@/lib/register-extract/sections";

/*
 * The register extract is everything held about a person. Prisma's data model (the generated
 * client's runtime DMMF) lists every model; each one that refers to a person — a relation to
 * Person, or a personId column (the audit log keeps no foreign key) — must be read by a section
 * of the extract or be excluded, with a reason, in NOT_IN_EXTRACT. A new model fails here first.
 */

type Field = { name: string; kind: string; type: string };
// Constructing a client opens no connection; the data model is what it was generated from.
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: "postgresql://unused@localhost:1/unused" }),
});
const dataModel = (client as unknown as { _runtimeDataModel: { models: Record<string, { fields: Field[] }> } })
  ._runtimeDataModel;

const aboutPeople = Object.entries(dataModel.models)
  .filter(
    ([name, model]) =>
      name === "Person" ||
      model.fields.some((f) => (f.kind === "object" && f.type === "Person") || f.name === "personId"),
  )
  .map(([name]) => name);
const covered = new Set(SECTIONS.flatMap((s) => s.models));

describe("the register extract's coverage of the data model", () => {
  it("reads the data model (sanity: the models known today are there)", () => {
    expect(Object.keys(dataModel.models).length).toBeGreaterThan(20);
    expect(aboutPeople).toEqual(
      expect.arrayContaining([
        "Person",
        "Consent",
        "Disclosure",
        "InternalNote",
        "AuditEvent",
        "IncidentPerson",
        "CallInInvitee",
        "Site",
        "User",
      ]),
    );
  });

  it("has a section, or an explained exclusion, for every model that refers to a person", () => {
    expect(aboutPeople.filter((m) => !covered.has(m) && !(m in NOT_IN_EXTRACT))).toEqual([]);
  });

  it("names only real models, and excludes none that a section reads", () => {
    for (const model of [...covered, ...Object.keys(NOT_IN_EXTRACT)])
      expect(dataModel.models, model).toHaveProperty(model);
    expect(Object.keys(NOT_IN_EXTRACT).filter((m) => covered.has(m))).toEqual([]);
    for (const reason of Object.values(NOT_IN_EXTRACT)) expect(reason.length).toBeGreaterThan(5);
  });
});
