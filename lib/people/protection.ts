import "server-only";
import { requirePersonAccess, withAccessAudit } from "@/lib/caseload-gate";
import { recordAudit } from "@/lib/audit";
import { identityProtectionWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import type { TSetIdentityProtection } from "./schemas";

/**
 * Protects a person's identity (skyddade personuppgifter, sekretessmarkering), or ends the
 * protection: social services' decision (lib/authz `identityProtectionWhere`). While protected,
 * the person's town and address are shown only to the social secretaries handling them, never in
 * lists, exports or to other agencies. Behind the caseload gate, with optimistic locking on the
 * person, audited with the access basis, and counted as activity on the person.
 */
export async function setIdentityProtection({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TSetIdentityProtection;
  now?: Date;
}): Promise<void> {
  const protect = input.protect === "yes";
  const where = identityProtectionWhere(actor, protect ? "protect" : "end");
  const access = await requirePersonAccess({ actor, personId: input.personId });
  await db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({
      where: { AND: [where, { id: input.personId }] },
      select: { id: true, hasProtectedIdentity: true },
    });
    if (!person) throw new NotFoundError("person");
    if (person.hasProtectedIdentity === protect) throw new RuleError(protect ? "alreadyProtected" : "notProtected");
    await updateVersioned(tx.person, {
      where,
      id: person.id,
      version: input.version,
      data: { hasProtectedIdentity: protect, lastActivityAt: now },
    });
    await recordAudit(
      tx,
      actor,
      withAccessAudit(access, {
        action: "UPDATE",
        entityType: "Person",
        entityId: person.id,
        personId: person.id,
        metadata: { fields: ["hasProtectedIdentity"], protectedIdentity: protect },
      }),
    );
  });
}
