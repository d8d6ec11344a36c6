import "server-only";
import { accessAuditFields, requirePersonAccess } from "@/lib/access";
import { recordAuditNow } from "@/lib/audit";
import { can, consentWhere, followUpWhere, isStatusOnly, personWhere, REFERRAL_STATUS_SELECT, referralWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { coveringConsentSelect, recordDisclosures, type DisclosureItem } from "@/lib/disclosure";
import { NotFoundError } from "@/lib/errors";
import type { Agency } from "@/lib/generated/prisma/enums";
import { parseDateOnly, stockholmToday } from "@/lib/validation/dates";
import { isMinorOn } from "./rules";

export type ConsentListItem = {
  id: string;
  agencies: Agency[];
  scope: string;
  documentReference: string;
  guardianConsent: boolean;
  givenOn: Date;
  withdrawnAt: Date | null;
  version: number;
  createdAt: Date;
  recordedBy: string;
  isActive: boolean;
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
export async function getConsentOverview({ actor, personId, now = new Date() }: { actor: Actor; personId: string; now?: Date }): Promise<ConsentOverview> {
  const access = await requirePersonAccess({ actor, personId });
  const agency = actor.agency;
  if (!agency) throw new NotFoundError("consent");
  const person = await db.person.findFirst({
    where: { AND: [personWhere(actor, "read"), { id: personId }] },
    select: { id: true, firstName: true, lastName: true, birthDate: true },
  });
  if (!person) throw new NotFoundError("person");

  const [consents, referrals, followUps] = await Promise.all([
    db.consent.findMany({
      where: { AND: [consentWhere(actor, "list"), { personId: person.id }] },
      orderBy: [{ givenOn: "desc" }, { createdAt: "desc" }],
      take: 100,
      select: {
        id: true,
        agencies: true,
        scope: true,
        documentReference: true,
        guardianConsent: true,
        givenOn: true,
        withdrawnAt: true,
        version: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
    isStatusOnly(actor, "referral")
      ? db.referral.findMany({
          where: { AND: [referralWhere(actor, "read"), { personId: person.id }] },
          orderBy: { referredAt: "desc" },
          take: 20,
          select: { ...REFERRAL_STATUS_SELECT, person: { select: coveringConsentSelect("SOCIAL", agency, now) } },
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
    ...referrals.map((r) => ({ personId: person.id, fromAgency: "SOCIAL" as const, entityType: "Referral", entityId: r.id, consentId: r.person.consents[0]?.id })),
    ...followUps.map((f) => ({ personId: person.id, fromAgency: f.agency, entityType: "FollowUp", entityId: f.id })),
  ];
  await recordDisclosures(actor, disclosed, { now });
  const audit = accessAuditFields(access);
  await recordAuditNow(actor, { action: "READ", entityType: "Consent", personId: person.id, reason: audit.reason, metadata: { ...audit.metadata, consents: consents.length } });

  const today = parseDateOnly(stockholmToday(now))!;
  return {
    person: { id: person.id, name: `${person.firstName} ${person.lastName}`, isMinor: isMinorOn(person.birthDate, today), hasBirthDate: person.birthDate !== null },
    consents: consents.map(({ createdBy, ...c }) => ({ ...c, recordedBy: createdBy.name, isActive: c.withdrawnAt === null && c.givenOn.getTime() <= now.getTime() })),
    shared: {
      referrals: referrals.map(({ id, status, statusChangedAt, referredAt, closedAt }) => ({ id, status, statusChangedAt, referredAt, closedAt })),
      followUps,
    },
    canRecord: can(actor, "consent", "create"),
    canWithdraw: can(actor, "consent", "update"),
  };
}
