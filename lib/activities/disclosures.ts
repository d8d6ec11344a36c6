import "server-only";
import type { Agency } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";

type Shown = { personId: string; entityId: string };

/**
 * DESIGN.md: every time one agency's information is shown to another, a Disclosure is logged with
 * its legal basis. For what lib/authz lets through on consent (referral and support-measure status
 * for police and probation, probation's follow-ups for social services) the basis is the consent
 * that covered it at that moment. Called by the query that shows the records, after the read.
 */
export async function recordConsentDisclosures(actor: Actor, from: Agency, entityType: string, shown: readonly Shown[]): Promise<void> {
  const to = actor.agency;
  if (!to || to === from || shown.length === 0) return;
  const personIds = [...new Set(shown.map((s) => s.personId))];
  const now = new Date();
  const consents = await db.consent.findMany({
    // The same condition as lib/authz's consentCovers, per consent instead of per person.
    where: { siteId: actor.siteId, personId: { in: personIds }, withdrawnAt: null, givenOn: { lte: now }, agencies: { hasEvery: [from, to] } },
    select: { id: true, personId: true },
    orderBy: { givenOn: "desc" },
  });
  const consentOf = new Map<string, string>();
  for (const c of consents) if (!consentOf.has(c.personId)) consentOf.set(c.personId, c.id);
  await db.disclosure.createMany({
    data: shown
      .filter((s) => consentOf.has(s.personId))
      .map((s) => ({
        siteId: actor.siteId,
        personId: s.personId,
        fromAgency: from,
        toAgency: to,
        legalBasis: "CONSENT" as const,
        consentId: consentOf.get(s.personId)!,
        entityType,
        entityId: s.entityId,
        actorId: actor.id,
        disclosedAt: now,
      })),
  });
}
