import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/*
 * An audit event is about a person when it names them in `personId` (their file, a reveal, an
 * export) or in one of the lists of people its metadata holds: the people a list, a search, a
 * board or a group page showed (`shownPersonIds`), and those a call-in or an incident took in or
 * let go. "Who has read this file" and the register extract's access log both need every one.
 *
 * Raw SQL because Prisma's JSON path filter compiles to `metadata #> ARRAY[$n] @> …`, which no
 * index serves; `metadata @> '{"key": ["id"]}'` is served by the GIN index (jsonb_path_ops) on
 * AuditEvent.metadata, and the personId branch by its own index (a bitmap OR of the two).
 */
export const PERSON_LIST_KEYS = [
  "shownPersonIds",
  "invitedPersonIds",
  "addedPersonIds",
  "removedPersonIds",
  "droppedPersonIds",
] as const;

/** A WHERE condition on "AuditEvent": the event is about this person. */
export function aboutPersonSql(personId: string): Prisma.Sql {
  const named = PERSON_LIST_KEYS.map(
    (key) => Prisma.sql`"metadata" @> ${JSON.stringify({ [key]: [personId] })}::jsonb`,
  );
  return Prisma.sql`("personId" = ${personId}::uuid OR ${Prisma.join(named, " OR ")})`;
}
