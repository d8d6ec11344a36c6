import "server-only";
import { openPerson } from "@/lib/caseload-gate";
import { recordAuditNow } from "@/lib/audit";
import {
  can,
  consentConfirmationWhere,
  consentWhere,
  followUpWhere,
  isStatusOnly,
  REFERRAL_STATUS_SELECT,
  referralWhere,
  type Actor,
} from "@/lib/authz";
import { db } from "@/lib/db";
import { coveringConsentSelect, recordDisclosures, type DisclosureItem } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import { agenciesNamed, COVERAGE, type CoverageItem } from "@/lib/authz/consent-coverage";
import type { Agency, ConsentConfirmationStatus } from "@/lib/generated/prisma/enums";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { isMinorOn } from "./rules";

export type ConsentConfirmationItem = {
  id: string;
  /** The holding agency that decides for its own information. */
  agency: Agency;
  status: ConsentConfirmationStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  note: string | null;
  version: number;
  /** The actor's agency holds this information and the request is open: they may answer. */
  canDecide: boolean;
};

export type ConsentListItem = {
  id: string;
  /** Every agency the coverage names, holding or receiving. */
  agencies: Agency[];
  coverage: (CoverageItem & { isOpen: boolean })[];
  confirmations: ConsentConfirmationItem[];
  recordedByAgency: Agency;
  documentReference: string;
  guardianConsent: boolean;
  givenOn: Date;
  /** The last day it holds (inclusive), or null: until withdrawn. */
  validUntil: Date | null;
  withdrawnAt: Date | null;
  version: number;
  createdAt: Date;
  recordedBy: string;
  isActive: boolean;
  /** Its time is up: it opens nothing any more. */
  isLapsed: boolean;
};

/** What another agency's records tell the actor under consent: status only, never content. */
export type SharedUnderConsent = {
  referrals: { id: string; status: string; statusChangedAt: Date; referredAt: Date; closedAt: Date | null }[];
  followUps: { id: string; agency: Agency; dueOn: Date; doneAt: Date | null }[];
};

export type ConsentOverview = {
  person: { id: string; name: string; isMinor: boolean; hasBirthDate: boolean };
  consents: ConsentListItem[];
  shared: SharedUnderConsent;
  canRecord: boolean;
  canWithdraw: boolean;
};

/**
 * A person's consents, and what other agencies' information the actor sees under them today. The
 * caseload gate applies (this is part of the person's file). Reading is audited; showing another
 * agency's information writes Disclosure rows with the consent it was shown under.
 */
export async function getConsentOverview({
  actor,
  personId,
  now = new Date(),
}: {
  actor: Actor;
  personId: string;
  now?: Date;
}): Promise<ConsentOverview> {
  const { person, audit } = await openPerson({
    actor,
    personId,
    now,
    select: { id: true, firstName: true, lastName: true, birthDate: true },
  });
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("consent");

  const [consents, referrals, followUps] = await Promise.all([
    db.consent.findMany({
      where: { AND: [consentWhere(actor, "list"), { personId: person.id }] },
      orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
      take: 100,
      select: {
        id: true,
        recordedByAgency: true,
        documentReference: true,
        guardianConsent: true,
        givenOn: true,
        validUntil: true,
        withdrawnAt: true,
        version: true,
        createdAt: true,
        createdBy: { select: { name: true } },
        coverage: { select: { fromAgency: true, kind: true, toAgency: true } },
        confirmations: {
          where: consentConfirmationWhere(actor, "read"),
          orderBy: { agency: "asc" },
          select: {
            id: true,
            agency: true,
            status: true,
            requestedAt: true,
            decidedAt: true,
            note: true,
            version: true,
            decidedBy: { select: { name: true } },
          },
        },
      },
    }),
    isStatusOnly(actor, "referral")
      ? db.referral.findMany({
          where: { AND: [referralWhere(actor, "read"), { personId: person.id }] },
          orderBy: { referredAt: "desc" },
          take: 20,
          select: {
            ...REFERRAL_STATUS_SELECT,
            person: { select: coveringConsentSelect("SOCIAL", "REFERRAL_STATUS", agency, now) },
          },
        })
      : Promise.resolve([]),
    can(actor, "followUp", "read")
      ? db.followUp.findMany({
          where: { AND: [followUpWhere(actor, "read"), { personId: person.id, agency: { not: agency } }] },
          orderBy: { dueOn: "desc" },
          take: 20,
          select: { id: true, agency: true, dueOn: true, doneAt: true },
        })
      : Promise.resolve([]),
  ]);

  const disclosed: DisclosureItem[] = [
    ...referrals.map((r) => ({
      personId: person.id,
      fromAgency: "SOCIAL" as const,
      kind: "REFERRAL_STATUS" as const,
      entityType: "Referral" as const,
      entityId: r.id,
      consentId: r.person.consents[0]?.id,
    })),
    ...followUps.map((f) => ({
      personId: person.id,
      fromAgency: f.agency,
      kind: "FOLLOW_UP" as const,
      entityType: "FollowUp" as const,
      entityId: f.id,
    })),
  ];
  await recordDisclosures(actor, disclosed, { now });
  await audit({ action: "READ", entityType: "Consent", metadata: { consents: consents.length } });

  const today = parseDateOnly(stockholmToday(now))!;
  return {
    person: {
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      isMinor: isMinorOn(person.birthDate, today),
      hasBirthDate: person.birthDate !== null,
    },
    consents: consents.map(({ createdBy, coverage, confirmations, ...c }) => {
      const isLapsed = c.validUntil !== null && c.validUntil.getTime() < today.getTime();
      const isActive = c.withdrawnAt === null && c.givenOn.getTime() <= now.getTime() && !isLapsed;
      const confirmed = new Set(confirmations.filter((k) => k.status === "CONFIRMED").map((k) => k.agency));
      const items = coverage.map((k) => ({ from: k.fromAgency, kind: k.kind, to: k.toAgency }));
      return {
        ...c,
        recordedBy: createdBy.name,
        isActive,
        isLapsed,
        agencies: agenciesNamed(items),
        coverage: sortCoverage(items).map((item) => ({ ...item, isOpen: isActive && confirmed.has(item.from) })),
        confirmations: confirmations.map(({ decidedBy, ...k }) => ({
          ...k,
          decidedBy: decidedBy?.name ?? null,
          canDecide:
            k.status === "REQUESTED" &&
            c.withdrawnAt === null &&
            k.agency === agency &&
            can(actor, "consent", "update"),
        })),
      };
    }),
    shared: {
      referrals: referrals.map(({ id, status, statusChangedAt, referredAt, closedAt }) => ({
        id,
        status,
        statusChangedAt,
        referredAt,
        closedAt,
      })),
      followUps,
    },
    canRecord: can(actor, "consent", "create"),
    canWithdraw: can(actor, "consent", "update"),
  };
}

/** Coverage in the order of the form (lib/authz/consent-coverage.ts). */
function sortCoverage(items: CoverageItem[]): CoverageItem[] {
  const order = (i: CoverageItem) => COVERAGE.findIndex((c) => c.from === i.from && c.kind === i.kind && c.to === i.to);
  return [...items].sort((a, b) => order(a) - order(b));
}

export type ConsentRequest = {
  id: string;
  personId: string;
  personName: string;
  recordedByAgency: Agency;
  givenOn: Date;
  requestedAt: Date;
};

/**
 * The consents other agencies recorded that ask the actor's agency to confirm them (the start
 * page's list): the oldest first, at most `limit`. Names only, as in the people list; the read is
 * audited with the people shown.
 */
export async function listConsentRequests({
  actor,
  limit = 20,
}: {
  actor: Actor;
  limit?: number;
}): Promise<{ items: ConsentRequest[]; total: number } | null> {
  if (!actor.agency || !can(actor, "consent", "update")) return null;
  const where = {
    AND: [consentConfirmationWhere(actor, "update"), { status: "REQUESTED" as const, consent: { withdrawnAt: null } }],
  };
  const [rows, total] = await Promise.all([
    db.consentConfirmation.findMany({
      where,
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        requestedAt: true,
        consent: {
          select: {
            givenOn: true,
            recordedByAgency: true,
            person: { select: { id: true, firstName: true, lastName: true } },
          },
        },
      },
    }),
    db.consentConfirmation.count({ where }),
  ]);
  if (rows.length > 0) {
    await recordAuditNow(actor, {
      action: "READ",
      entityType: "ConsentConfirmation",
      metadata: { list: "requests", shownPersonIds: [...new Set(rows.map((r) => r.consent.person.id))] },
    });
  }
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      personId: r.consent.person.id,
      personName: `${r.consent.person.firstName} ${r.consent.person.lastName}`,
      recordedByAgency: r.consent.recordedByAgency,
      givenOn: r.consent.givenOn,
      requestedAt: r.requestedAt,
    })),
  };
}
