import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { personWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatIdentityNumber } from "@/lib/validation/personnummer";
import { accessAuditFields, requirePersonAccess } from "@/lib/caseload-gate";

/**
 * The full personnummer (or samordningsnummer) of a person, for a user who asked to see it: pages
 * show it masked (YYYYMMDD-XXXX) until then. Every reveal is logged, with the reason where the
 * person is outside the user's caseload; the number itself never goes into the log.
 */
export async function revealIdentityNumber({
  actor,
  personId,
}: {
  actor: Actor;
  personId: string;
}): Promise<{ identityNumber: string | null }> {
  const access = await requirePersonAccess({ actor, personId });
  const person = await db.person.findFirst({
    where: { AND: [personWhere(actor, "read"), { id: personId }] },
    select: { id: true, identityNumber: true, identityNumberKind: true },
  });
  if (!person) throw new NotFoundError("person");
  if (!person.identityNumber) return { identityNumber: null };
  const audit = accessAuditFields(access);
  await recordAuditNow(actor, {
    action: "REVEAL_IDENTITY_NUMBER",
    entityType: "Person",
    entityId: person.id,
    personId: person.id,
    reason: audit.reason,
    metadata: { ...audit.metadata, kind: person.identityNumberKind },
  });
  return { identityNumber: formatIdentityNumber(person.identityNumber) };
}
