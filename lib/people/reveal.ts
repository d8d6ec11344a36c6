import "server-only";
import { type Actor } from "@/lib/authz";
import { formatIdentityNumber } from "@/lib/validation/personnummer";
import { openPerson } from "@/lib/caseload-gate";

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
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: { id: true, identityNumber: true, identityNumberKind: true },
  });
  if (!person.identityNumber) return { identityNumber: null };
  await audit({
    action: "REVEAL_IDENTITY_NUMBER",
    entityType: "Person",
    entityId: person.id,
    metadata: { kind: person.identityNumberKind },
  });
  return { identityNumber: formatIdentityNumber(person.identityNumber) };
}
