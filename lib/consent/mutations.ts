import "server-only";
import { requirePersonAccess } from "@/lib/access";
import { recordAudit } from "@/lib/audit";
import { authorize, consentWhere, personWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { needsGuardianConsent } from "./rules";
import type { TRecordConsent, TWithdrawConsent } from "./schemas";

/**
 * Records a person's consent as signed (OSL 12 kap. 2 §): which agencies may share information
 * about them, for what, from which date, and where the signed document is. A minor's consent needs
 * the guardian's too. Audited, and the person's latest activity is updated, in one transaction.
 */
export async function recordConsent({ actor, input }: { actor: Actor; input: TRecordConsent }): Promise<{ id: string }> {
  authorize(actor, "consent", "create");
  // The caseload gate guards writes too: the form is on a gated page, a hand-made request is not.
  await requirePersonAccess({ actor, personId: input.personId });
  return db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({ where: { AND: [personWhere(actor, "read"), { id: input.personId }] }, select: { id: true, birthDate: true } });
    if (!person) throw new NotFoundError("person");
    if (person.birthDate && input.givenOn.getTime() < person.birthDate.getTime()) throw new RuleError("givenBeforeBirth", "givenOn");
    const minor = needsGuardianConsent(person.birthDate, input.givenOn);
    if (minor && !input.guardianConsent) throw new RuleError("guardianConsentRequired", "guardianConsent");

    const consent = await tx.consent.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        agencies: input.agencies,
        scope: input.scope,
        documentReference: input.documentReference,
        guardianConsent: input.guardianConsent,
        givenOn: input.givenOn,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.person.update({ where: { id: person.id }, data: { lastActivityAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "Consent",
      entityId: consent.id,
      personId: person.id,
      metadata: { agencies: input.agencies, guardianConsent: input.guardianConsent, minor },
    });
    return consent;
  });
}

/**
 * Withdraws a consent. It takes effect at once: the authz builders read consent live in every
 * query, so the next read by another agency no longer finds what it covered. Optimistic locking:
 * a consent changed since the user saw it is a conflict, not a silent overwrite.
 */
export async function withdrawConsent({ actor, input, now = new Date() }: { actor: Actor; input: TWithdrawConsent; now?: Date }): Promise<{ personId: string }> {
  const where = consentWhere(actor, "update");
  const consent = await db.consent.findFirst({ where: { AND: [where, { id: input.consentId }] }, select: { id: true, personId: true, withdrawnAt: true } });
  if (!consent) throw new NotFoundError("consent");
  await requirePersonAccess({ actor, personId: consent.personId });
  if (consent.withdrawnAt) throw new RuleError("alreadyWithdrawn");
  await db.$transaction(async (tx) => {
    // Withdrawal bumps the version: a second withdrawal made from the same page is a conflict.
    await updateVersioned(tx.consent, { where, id: consent.id, version: input.version, data: { withdrawnAt: now } });
    await tx.person.update({ where: { id: consent.personId }, data: { lastActivityAt: now } });
    await recordAudit(tx, actor, { action: "UPDATE", entityType: "Consent", entityId: consent.id, personId: consent.personId, metadata: { withdrawn: true } });
  });
  return { personId: consent.personId };
}
