import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAuditNow } from "@/lib/audit";
import { authorize, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import { parseAccessReason } from "@/lib/caseload-gate/reasons";
import { labelOrKey, type Labels } from "@/lib/labels";
import { formatStockholmIso } from "@/lib/validation/dates";
import { auditFilterWhere, filterMetadata } from "./queries";
import type { AuditFilter } from "./schemas";

/** An export is for a review or a complaint, not a copy of the log: narrow the filter beyond this. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const BATCH = 2_000;

/** The columns, named in the reader's language (audit.csv.<column>). */
const COLUMNS = [
  "id",
  "occurredAt",
  "actorId",
  "actorName",
  "actorRole",
  "action",
  "entityType",
  "entityId",
  "personId",
  "reason",
  "metadata",
  "ipAddress",
  "requestId",
  "prevHash",
  "hash",
] as const;

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before one) as a formula;
 * the reason column is typed by users. A leading apostrophe keeps such a cell text (OWASP's advice).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The filtered audit events as CSV (semicolon-separated and with a BOM, as Swedish Excel opens
 * it), oldest first, streamed in batches: headers and codes by their names in the reader's
 * language, times in Swedish time with the offset (2026-12-02T09:15:00+01:00), ids and hashes as
 * stored, each event's with its link of the chain (npm run audit:verify checks the chain in the
 * database, not in a file). The export is itself an audit event, written before the
 * first byte leaves, with the filter and the number of rows.
 */
export async function exportAuditEvents({
  actor,
  filter,
  labels,
}: {
  actor: Actor;
  filter: AuditFilter;
  /** For the headers and the codes (role, action, what it concerns, the access reason). */
  labels: Labels;
}): Promise<{ rows: number; stream: ReadableStream<Uint8Array> }> {
  authorize(actor, "auditLog", "export");
  const where = auditFilterWhere(actor, filter, "export");
  const rows = await db.auditEvent.count({ where, take: AUDIT_EXPORT_MAX_ROWS + 1 });
  if (rows > AUDIT_EXPORT_MAX_ROWS) throw new RuleError("exportTooLarge");
  await recordAuditNow(actor, {
    action: "EXPORT",
    entityType: "AuditEvent",
    metadata: { filter: filterMetadata({ ...filter, page: 1 }), rows, format: "csv" },
  });

  const code = (namespace: string, value: string) => labelOrKey(labels, namespace, value);
  const reason = (value: string) => {
    const parsed = parseAccessReason(value);
    return parsed.code ? [code("accessReasons", parsed.code), parsed.text].filter(Boolean).join(": ") : parsed.text;
  };
  const encoder = new TextEncoder();
  let after: bigint | undefined;
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch = await db.auditEvent.findMany({
        where: after === undefined ? where : { AND: [where, { id: { gt: after } }] },
        orderBy: { id: "asc" },
        take: BATCH,
        select: {
          id: true,
          occurredAt: true,
          actorId: true,
          actorRole: true,
          action: true,
          entityType: true,
          entityId: true,
          personId: true,
          reason: true,
          metadata: true,
          ipAddress: true,
          requestId: true,
          chainLink: { select: { prevHash: true, hash: true } },
          actor: { select: { name: true } },
        },
      });
      const records = batch.map((e) => [
        e.id.toString(),
        formatStockholmIso(e.occurredAt),
        e.actorId ?? "",
        e.actor?.name ?? "",
        e.actorRole ? code("roles", e.actorRole) : "",
        code("auditActions", e.action),
        e.entityType ? code("auditEntities", e.entityType) : "",
        e.entityId ?? "",
        e.personId ?? "",
        e.reason ? reason(e.reason) : "",
        e.metadata === null ? "" : JSON.stringify(e.metadata),
        e.ipAddress ?? "",
        e.requestId ?? "",
        // Empty for an event the chainer has not linked yet (a fraction of a second after it committed).
        e.chainLink?.prevHash ?? "",
        e.chainLink?.hash ?? "",
      ]);
      const text = stringify(records, {
        delimiter: ";",
        header: first,
        columns: first ? COLUMNS.map((c) => labels(`audit.csv.${c}`)) : undefined,
        cast: { string: neutraliseFormula },
        record_delimiter: "\r\n",
      });
      controller.enqueue(encoder.encode((first ? "\uFEFF" : "") + text));
      first = false;
      if (batch.length < BATCH) controller.close();
      else after = batch[batch.length - 1]!.id;
    },
  });
  return { rows, stream };
}
