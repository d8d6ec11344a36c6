import { COVERAGE, holdingAgencies, type CoverageItem } from "@/lib/authz/consent-coverage";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Agency } from "@/lib/generated/prisma/enums";
import { next, type Client } from "./client";

/**
 * A consent (lib/consent, docs/decisions/008). `coverage` defaults to everything a consent can
 * cover. Each holding agency's confirmation: the recording agency's own is confirmed by the
 * recorder; another's is confirmed by the user given in `confirmedBy`, else it is still asked of it.
 */
export async function createConsent(
  db: Client,
  data: {
    siteId: string;
    personId: string;
    createdById: string;
    recordedByAgency: Agency;
    coverage?: readonly CoverageItem[];
    confirmedBy?: Partial<Record<Agency, string>>;
    declinedBy?: Partial<Record<Agency, string>>;
    documentReference?: string;
    givenOn?: Date;
    withdrawnAt?: Date | null;
  },
) {
  const coverage = data.coverage ?? COVERAGE;
  const decidedAt = data.givenOn ?? new Date(Date.UTC(2026, 0, 1));
  const confirmation = (agency: Agency) => {
    const by = agency === data.recordedByAgency ? data.createdById : data.confirmedBy?.[agency];
    if (by) return { agency, status: "CONFIRMED" as const, decidedAt, decidedById: by };
    const declined = data.declinedBy?.[agency];
    if (declined) return { agency, status: "DECLINED" as const, decidedAt, decidedById: declined };
    return { agency, status: "REQUESTED" as const };
  };
  return db.consent.create({
    data: {
      siteId: data.siteId,
      personId: data.personId,
      createdById: data.createdById,
      recordedByAgency: data.recordedByAgency,
      documentReference: data.documentReference ?? `DOK-${next()}`,
      givenOn: data.givenOn ?? new Date(Date.UTC(2026, 0, 1)),
      withdrawnAt: data.withdrawnAt ?? null,
      coverage: { create: coverage.map((c) => ({ fromAgency: c.from, kind: c.kind, toAgency: c.to })) },
      confirmations: { create: holdingAgencies(coverage).map(confirmation) },
    },
  });
}

/**
 * A disclosure as lib/disclosure records it, without its DISCLOSE audit event (factories write
 * none). Under consent, give the consent's id; under a secrecy-breaking rule, none.
 */
export async function createDisclosure(db: Client, data: Prisma.DisclosureUncheckedCreateInput) {
  return db.disclosure.create({ data });
}
