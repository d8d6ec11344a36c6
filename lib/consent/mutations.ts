import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { agenciesNamed, holdingAgencies, parseCoverageCode } from "@/lib/authz/consent-coverage";
import { authorize, consentConfirmationWhere, consentWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { needsGuardianConsent } from "./rules";
import type { TDecideConsentConfirmation, TRecordConsent, TWithdrawConsent } from "./schemas";

/**
 * Records a person's consent as signed (OSL 12 kap. 2 §): what it covers (codes: which kind of
 * which agency's information to which agency), from which date, and where the signed document is.
 * A minor's consent needs the guardian's too.
 *
 * The agency that holds the information decides whether the consent covers giving it out
 * (docs/decisions/008): the recording agency's own information under the consent is confirmed at
 * once; every other holding agency is asked to confirm, and until it does the consent opens
 * nothing of its information. Audited, with the person's latest activity, in one transaction.
 */
export async function recordConsent({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TRecordConsent;
  now?: Date;
}): Promise<{ id: string }> {
  authorize(actor, "consent", "create");
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("consent");
  // The caseload gate guards writes too: the form is on a gated page, a hand-made request is not.
  const coverage = input.coverage.map(parseCoverageCode);
  return db.$transaction(async (tx) => {
    const { person, audit } = await openPerson({
      actor,
      personId: input.personId,
      tx,
      now,
      select: { id: true, birthDate: true },
    });
    if (person.birthDate && input.givenOn.getTime() < person.birthDate.getTime())
      throw new RuleError("givenBeforeBirth", "givenOn");
    const minor = needsGuardianConsent(person.birthDate, input.givenOn);
    if (minor && !input.guardianConsent) throw new RuleError("guardianConsentRequired", "guardianConsent");

    const holders = holdingAgencies(coverage);
    const consent = await tx.consent.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        recordedByAgency: agency,
        documentReference: input.documentReference,
        guardianConsent: input.guardianConsent,
        givenOn: input.givenOn,
        validUntil: input.validUntil ?? null,
        createdById: actor.id,
        coverage: { create: coverage.map((c) => ({ fromAgency: c.from, kind: c.kind, toAgency: c.to })) },
        confirmations: {
          create: holders.map((holder) =>
            holder === agency
              ? {
                  agency: holder,
                  status: "CONFIRMED" as const,
                  requestedAt: now,
                  decidedAt: now,
                  decidedById: actor.id,
                }
              : { agency: holder, status: "REQUESTED" as const, requestedAt: now },
          ),
        },
      },
      select: { id: true },
    });
    await audit({
      action: "CREATE",
      entityType: "Consent",
      entityId: consent.id,
      metadata: {
        coverage: input.coverage,
        agencies: agenciesNamed(coverage),
        confirmationRequestedOf: holders.filter((h) => h !== agency),
        guardianConsent: input.guardianConsent,
        minor,
      },
    });
    return consent;
  });
}

/**
 * The holding agency confirms (or declines) a consent another agency recorded. Only a user of that
 * agency may answer, for a request still open, under the caseload gate; confirming opens the
 * agency's information that the consent covers from the next request on. Optimistic locking: two
 * colleagues answering the same request at once get a conflict, not two answers.
 */
export async function decideConsentConfirmation({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TDecideConsentConfirmation;
  now?: Date;
}): Promise<{ personId: string }> {
  const where = consentConfirmationWhere(actor, "update");
  const request = await db.consentConfirmation.findFirst({
    where: { AND: [where, { id: input.confirmationId }] },
    select: {
      id: true,
      status: true,
      agency: true,
      consent: { select: { id: true, personId: true, withdrawnAt: true } },
    },
  });
  if (!request) throw new NotFoundError("consent");
  const { audit } = await openPerson({ actor, personId: request.consent.personId, now });
  if (request.status !== "REQUESTED") throw new RuleError("alreadyAnswered");
  if (request.consent.withdrawnAt) throw new RuleError("alreadyWithdrawn");
  await db.$transaction(async (tx) => {
    await updateVersioned(tx.consentConfirmation, {
      where,
      id: request.id,
      version: input.version,
      data: {
        status: input.decision,
        decidedAt: now,
        decidedById: actor.id,
        note: input.decision === "DECLINED" ? (input.note ?? null) : null,
      },
    });
    await audit(
      {
        action: "UPDATE",
        entityType: "ConsentConfirmation",
        entityId: request.id,
        metadata: { consentId: request.consent.id, agency: request.agency, decision: input.decision },
      },
      { tx },
    );
  });
  return { personId: request.consent.personId };
}

/**
 * Withdraws a consent. Any agency may record that the person withdrew it (a withdrawal only ever
 * closes). It takes effect at once: the authz builders read consent live in every query, so the
 * next read by another agency no longer finds what it covered. Optimistic locking: a consent
 * changed since the user saw it is a conflict, not a silent overwrite.
 */
export async function withdrawConsent({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TWithdrawConsent;
  now?: Date;
}): Promise<{ personId: string }> {
  const where = consentWhere(actor, "update");
  const consent = await db.consent.findFirst({
    where: { AND: [where, { id: input.consentId }] },
    select: { id: true, personId: true, withdrawnAt: true },
  });
  if (!consent) throw new NotFoundError("consent");
  const { audit } = await openPerson({ actor, personId: consent.personId, now });
  if (consent.withdrawnAt) throw new RuleError("alreadyWithdrawn");
  await db.$transaction(async (tx) => {
    // Withdrawal bumps the version: a second withdrawal made from the same page is a conflict.
    await updateVersioned(tx.consent, { where, id: consent.id, version: input.version, data: { withdrawnAt: now } });
    await audit(
      { action: "UPDATE", entityType: "Consent", entityId: consent.id, metadata: { withdrawn: true } },
      { tx },
    );
  });
  return { personId: consent.personId };
}
