import "server-only";
import { openPerson } from "@/lib/caseload-gate";
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
  await db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({
      actor,
      personId: input.personId,
      tx,
      now,
      action: "update",
      select: { id: true, hasProtectedIdentity: true },
    });
    // Ending needs a handler: a colleague who gave a reason may open the file, but not end this.
    if ((await tx.person.count({ where: { AND: [where, { id: person.id }] } })) !== 1)
      throw new NotFoundError("person");
    if (person.hasProtectedIdentity === protect) throw new RuleError(protect ? "alreadyProtected" : "notProtected");
    await updateVersioned(tx.person, {
      where,
      id: person.id,
      version: input.version,
      data: { hasProtectedIdentity: protect },
    });
    await audit({
      action: "UPDATE",
      entityType: "Person",
      entityId: person.id,
      metadata: { fields: ["hasProtectedIdentity"], protectedIdentity: protect },
    });
  });
}
