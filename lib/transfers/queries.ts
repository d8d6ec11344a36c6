import "server-only";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { can, canSeeTransferDestination, fileTransferInWhere, fileTransferOutWhere, type Actor } from "@/lib/authz";
import { openPerson } from "@/lib/caseload-gate";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { FileTransferStatus } from "@/lib/generated/prisma/enums";
import { findDuplicates, type ExistingPerson } from "@/lib/people/mutations";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import { isUuid } from "@/lib/validation/ids";

/*
 * What each site sees of a file transfer (docs/decisions/016). The receiving site's reads are the
 * one crossing of sites in the app: only the transfers addressed to it, only the minimum needed to
 * decide, each read audited with the sending record's person id and the transfer's id.
 */

/** The incoming list's limit: a site receives a handful of files a month. */
const INCOMING_LIMIT = 100;

/** Who the file is about, as the receiving site needs it for its duplicate check: never more. */
const INCOMING_PERSON_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  birthDate: true,
  identityNumber: true,
} as const;

type IncomingPersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: Date | null;
  identityNumber: string | null;
};

function incomingPerson(p: IncomingPersonRow) {
  return {
    name: `${p.firstName} ${p.lastName}`,
    birthYear: p.birthDate ? p.birthDate.getUTCFullYear() : null,
    maskedIdentityNumber: p.identityNumber ? maskIdentityNumber(p.identityNumber) : null,
  };
}

/** "Inkommande akter": unanswered transfers to the actor's site. Audited, one event per transfer. */
export async function listIncomingTransfers({ actor }: { actor: Actor }) {
  const rows = await db.fileTransfer.findMany({
    where: { AND: [fileTransferInWhere(actor, "list"), { status: "REQUESTED" }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: INCOMING_LIMIT,
    select: {
      id: true,
      personId: true,
      createdAt: true,
      site: { select: { name: true } },
      person: { select: INCOMING_PERSON_SELECT },
    },
  });
  if (rows.length > 0) {
    await db.$transaction(async (tx) => {
      for (const r of rows)
        await recordAudit(tx, actor, {
          action: "READ",
          entityType: "IncomingFileTransfers",
          entityId: r.id,
          personId: r.personId,
          metadata: { transferId: r.id, sendingPersonId: r.personId },
        });
    });
  }
  return rows.map((r) => ({
    id: r.id,
    sentAt: r.createdAt,
    fromSite: r.site.name,
    ...incomingPerson(r.person),
  }));
}

export type IncomingTransferDetail = Awaited<ReturnType<typeof getIncomingTransfer>>;

/**
 * One transfer to the actor's site, with what it carries (as codes) and the receiving site's
 * duplicate check: who here holds the same personnummer, who has the same name and birth date.
 */
export async function getIncomingTransfer({ actor, transferId }: { actor: Actor; transferId: string }) {
  if (!isUuid(transferId)) throw new NotFoundError("fileTransfer");
  const t = await db.fileTransfer.findFirst({
    where: { AND: [fileTransferInWhere(actor, "read"), { id: transferId }] },
    select: {
      id: true,
      personId: true,
      status: true,
      version: true,
      createdAt: true,
      decidedAt: true,
      receivedPersonId: true,
      consentGivenOn: true,
      carriesPlan: true,
      carriesReferrals: true,
      carriesSupportMeasures: true,
      site: { select: { name: true } },
      person: { select: INCOMING_PERSON_SELECT },
    },
  });
  if (!t) throw new NotFoundError("fileTransfer");
  const duplicates =
    t.status === "REQUESTED"
      ? await findDuplicates(db as unknown as Tx, actor, {
          identityNumber: t.person.identityNumber,
          firstName: t.person.firstName,
          lastName: t.person.lastName,
          birthDate: t.person.birthDate,
        })
      : { byNumber: null, sameNameAndBirthDate: [] as ExistingPerson[] };
  const matches: ExistingPerson[] = [];
  if (duplicates.byNumber?.existing) matches.push(duplicates.byNumber.existing);
  for (const m of duplicates.sameNameAndBirthDate) if (!matches.some((x) => x.id === m.id)) matches.push(m);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "FileTransfer",
    entityId: t.id,
    personId: t.personId,
    metadata: { direction: "in", transferId: t.id, sendingPersonId: t.personId, duplicateMatches: matches.length },
  });
  return {
    id: t.id,
    status: t.status,
    version: t.version,
    sentAt: t.createdAt,
    decidedAt: t.decidedAt,
    receivedPersonId: t.receivedPersonId,
    consentGivenOn: t.consentGivenOn,
    carries: { plan: t.carriesPlan, referrals: t.carriesReferrals, supportMeasures: t.carriesSupportMeasures },
    fromSite: t.site.name,
    ...incomingPerson(t.person),
    duplicates: {
      matches,
      // The number is held by someone here the actor may not see: only linking by a visible match
      // or asking a colleague helps; a new record cannot be made (one number, one person per site).
      numberTaken: duplicates.byNumber !== null,
      numberHolderHidden: duplicates.byNumber !== null && duplicates.byNumber.existing === null,
    },
  };
}

export type PersonTransferState = Awaited<ReturnType<typeof getPersonTransferState>>;

/**
 * The transfer part of a person's file at the sending site: the closed record ("Akten flyttad till
 * <ort> <datum>", the destination only as canSeeTransferDestination allows), the open request and
 * the earlier ones (social services only), the sites one may send to, and where the file came
 * from (the receiving site's provenance). Through the caseload gate; audited.
 */
export async function getPersonTransferState({ actor, personId }: { actor: Actor; personId: string }) {
  const { person, audit } = await openPerson({
    actor,
    personId,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      hasProtectedIdentity: true,
      transferredAt: true,
      transferredToSite: { select: { name: true } },
    },
  });
  const seesTransfers = can(actor, "fileTransfer", "read");
  const [sent, received, sites] = await Promise.all([
    seesTransfers
      ? db.fileTransfer.findMany({
          where: { AND: [fileTransferOutWhere(actor, "read"), { personId: person.id }] },
          orderBy: { createdAt: "desc" },
          take: 20,
          select: {
            id: true,
            status: true,
            version: true,
            createdAt: true,
            decidedAt: true,
            consentReference: true,
            consentGivenOn: true,
            carriesPlan: true,
            carriesReferrals: true,
            carriesSupportMeasures: true,
            toSite: { select: { name: true } },
          },
        })
      : Promise.resolve([]),
    db.fileTransfer.findFirst({
      where: { toSiteId: actor.siteId, receivedPersonId: person.id, status: "ACCEPTED" },
      orderBy: { decidedAt: "desc" },
      select: { id: true, decidedAt: true, site: { select: { name: true } } },
    }),
    can(actor, "fileTransfer", "create") && !person.transferredAt
      ? db.site.findMany({
          where: { id: { not: actor.siteId } },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  const seesDestination = canSeeTransferDestination(actor, person.hasProtectedIdentity);
  await audit({
    action: "READ",
    entityType: "FileTransfer",
    entityId: person.id,
    metadata: { transferIds: sent.map((s) => s.id), destinationShown: seesDestination },
  });
  const open = sent.find((s) => s.status === "REQUESTED") ?? null;
  return {
    personId: person.id,
    name: `${person.firstName} ${person.lastName}`,
    closed: person.transferredAt
      ? { at: person.transferredAt, destination: seesDestination ? (person.transferredToSite?.name ?? null) : null }
      : null,
    receivedFrom: received ? { at: received.decidedAt, fromSite: received.site.name } : null,
    open: open
      ? {
          id: open.id,
          version: open.version,
          sentAt: open.createdAt,
          toSite: seesDestination ? open.toSite.name : null,
        }
      : null,
    history: sent.map((s) => ({
      id: s.id,
      status: s.status as FileTransferStatus,
      sentAt: s.createdAt,
      decidedAt: s.decidedAt,
      toSite: seesDestination ? s.toSite.name : null,
      consentReference: s.consentReference,
      consentGivenOn: s.consentGivenOn,
      carries: { plan: s.carriesPlan, referrals: s.carriesReferrals, supportMeasures: s.carriesSupportMeasures },
    })),
    sites,
    can: {
      request: can(actor, "fileTransfer", "create") && !person.transferredAt && !open,
      cancel: can(actor, "fileTransfer", "update") && open !== null,
    },
  };
}
