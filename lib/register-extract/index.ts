import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditNow } from "@/lib/audit";
import { personAdministrationWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { neutraliseFormula } from "@/lib/audit/export";
import { isUuid } from "@/lib/validation/ids";
import { SECTIONS, type ExtractRow } from "./sections";
import type { TExtractRequest } from "./schemas";

export type RegisterExtract = {
  personId: string;
  personLabel: string;
  generatedAt: Date;
  requestReference: string;
  sections: { key: string; rows: ExtractRow[] }[];
};

/**
 * Everything held about one person (GDPR art. 15; docs/decisions/005 on who may produce it): ADMIN,
 * on a documented access request whose reference is required. All sections are read in one
 * read-only REPEATABLE READ transaction, so the extract is one consistent snapshot. Producing it is
 * an EXPORT audit event with the request reference as its reason, in every format.
 */
export async function getRegisterExtract({ actor, personId, request }: { actor: Actor; personId: string; request: TExtractRequest }): Promise<RegisterExtract> {
  if (!isUuid(personId)) throw new NotFoundError("person");
  const where = personAdministrationWhere(actor, "registerExtract", "export");
  const person = await db.person.findFirst({ where: { AND: [where, { id: personId }] }, select: { id: true, firstName: true, lastName: true, anonymisedAt: true } });
  if (!person) throw new NotFoundError("person");

  const subject = { siteId: actor.siteId, personId: person.id };
  const sections = await db.$transaction(
    async (tx) => {
      const out: RegisterExtract["sections"] = [];
      for (const section of SECTIONS) out.push({ key: section.key, rows: await section.load(tx, subject) });
      return out;
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
  await recordAuditNow(actor, {
    action: "EXPORT",
    entityType: "RegisterExtract",
    entityId: person.id,
    personId: person.id,
    reason: request.requestReference,
    metadata: { format: request.format, rows: Object.fromEntries(sections.map((s) => [s.key, s.rows.length])) },
  });
  return {
    personId: person.id,
    personLabel: person.anonymisedAt ? "" : `${person.firstName} ${person.lastName}`,
    generatedAt: new Date(),
    requestReference: request.requestReference,
    sections,
  };
}

/** The extract as a JSON file: machine-readable, every section under its key. */
export function registerExtractJson(extract: RegisterExtract): string {
  return JSON.stringify(
    {
      kind: "registerutdrag",
      generatedAt: extract.generatedAt.toISOString(),
      requestReference: extract.requestReference,
      personId: extract.personId,
      sections: Object.fromEntries(extract.sections.map((s) => [s.key, s.rows])),
    },
    null,
    2,
  );
}

/** The extract as one CSV file in long form (section; row; field; value), for a spreadsheet. */
export function registerExtractCsv(extract: RegisterExtract): string {
  const records = extract.sections.flatMap((s) => s.rows.flatMap((row, i) => Object.entries(row).map(([field, value]) => [s.key, String(i + 1), field, value === null ? "" : String(value)])));
  return "\uFEFF" + stringify(records, { delimiter: ";", header: true, columns: ["section", "row", "field", "value"], cast: { string: neutraliseFormula }, record_delimiter: "\r\n" });
}
