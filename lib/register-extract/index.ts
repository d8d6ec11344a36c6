import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditNow } from "@/lib/audit";
import { extractRequestWhere, personAdministrationWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { neutraliseFormula } from "@/lib/audit-log/export";
import { formatStockholmIso } from "@/lib/validation/dates";
import { isUuid } from "@/lib/validation/ids";
import { showExtractValue, extractFieldLabel, extractSectionTitle, type Labels } from "./render";
import { SECTIONS, type ExtractRow, type ExtractSection } from "./sections";
import type { ExtractFormat } from "./schemas";
import { extractOpenUntil, EXTRACT_OPEN_MINUTES } from "./window";

export type RegisterExtract = {
  personId: string;
  personLabel: string;
  requestId: string;
  requestReference: string;
  /** When "Ta fram utdrag" was pressed (the production), and until when it can be opened. */
  producedAt: Date;
  openUntil: Date;
  /** When the data shown was read: this opening. */
  generatedAt: Date;
  sections: { key: string; labels: ExtractSection["labels"]; rows: ExtractRow[] }[];
};

/**
 * Everything held about one person (GDPR art. 15), for one produced request: opened only by the
 * administrator who produced it (produceRegisterExtract), for the person the request is about,
 * within EXTRACT_OPEN_MINUTES of the production. Anything else — no request, one not approved or
 * rejected, another person's, another administrator's, too late, the old free-text `ref` — is
 * "not found". All sections are read in one REPEATABLE READ transaction (one consistent
 * snapshot); each opening, in every format, is an EXPORT audit event naming the request.
 */
export async function getRegisterExtract({
  actor,
  personId,
  requestId,
  format,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  requestId: string;
  format: ExtractFormat;
  now?: Date;
}): Promise<RegisterExtract> {
  const where = extractRequestWhere(actor, "export");
  if (!isUuid(personId) || !isUuid(requestId)) throw new NotFoundError("registerExtract");
  const request = await db.registerExtractRequest.findFirst({
    where: {
      AND: [
        where,
        { id: requestId, personId, status: "PRODUCED", producedById: actor.id },
        { producedAt: { gt: new Date(now.getTime() - EXTRACT_OPEN_MINUTES * 60_000) } },
      ],
    },
    select: { id: true, reference: true, producedAt: true },
  });
  if (!request?.producedAt) throw new NotFoundError("registerExtract");
  const person = await db.person.findFirst({
    where: { AND: [personAdministrationWhere(actor, "registerExtract", "export"), { id: personId }] },
    select: { id: true, firstName: true, lastName: true, anonymisedAt: true },
  });
  if (!person) throw new NotFoundError("person");

  const subject = { siteId: actor.siteId, personId: person.id };
  const sections = await db.$transaction(
    async (tx) => {
      const out: RegisterExtract["sections"] = [];
      for (const section of SECTIONS)
        out.push({ key: section.key, labels: section.labels, rows: await section.load(tx, subject) });
      return out;
    },
    { isolationLevel: "RepeatableRead", timeout: 30_000 },
  );
  await recordAuditNow(actor, {
    action: "EXPORT",
    entityType: "RegisterExtract",
    entityId: request.id,
    personId: person.id,
    reason: request.reference,
    metadata: {
      requestId: request.id,
      event: "opened",
      format,
      rows: Object.fromEntries(sections.map((s) => [s.key, s.rows.length])),
    },
  });
  return {
    personId: person.id,
    personLabel: person.anonymisedAt ? "" : `${person.firstName} ${person.lastName}`,
    requestId: request.id,
    requestReference: request.reference,
    producedAt: request.producedAt,
    openUntil: extractOpenUntil(request.producedAt),
    generatedAt: now,
    sections,
  };
}

/** The extract as a JSON file: machine-readable, every section under its key. */
export function registerExtractJson(extract: RegisterExtract): string {
  return JSON.stringify(
    {
      kind: "registerutdrag",
      generatedAt: extract.generatedAt.toISOString(),
      producedAt: extract.producedAt.toISOString(),
      requestId: extract.requestId,
      requestReference: extract.requestReference,
      personId: extract.personId,
      sections: Object.fromEntries(extract.sections.map((s) => [s.key, s.rows])),
    },
    null,
    2,
  );
}

/**
 * The extract as one CSV file in long form (section; row; field; value), for a spreadsheet and so
 * for a person: headers, sections, fields and codes by their names in the reader's language, times
 * in Swedish time with the offset (2026-12-02T09:15:00+01:00). The JSON file is the one with codes.
 */
export function registerExtractCsv(extract: RegisterExtract, labels: Labels): string {
  const time = { instant: formatStockholmIso, day: (isoDay: string) => isoDay };
  const records = extract.sections.flatMap((s) =>
    s.rows.flatMap((row, i) =>
      Object.entries(row).map(([field, value]) => [
        extractSectionTitle(labels, s.key),
        String(i + 1),
        extractFieldLabel(labels, field),
        value === null || value === "" ? "" : showExtractValue(labels, s, field, value, time),
      ]),
    ),
  );
  return (
    "\uFEFF" +
    stringify(records, {
      delimiter: ";",
      header: true,
      columns: ["section", "row", "field", "value"].map((c) => labels(`extract.csv.${c}`)),
      cast: { string: neutraliseFormula },
      record_delimiter: "\r\n",
    })
  );
}
