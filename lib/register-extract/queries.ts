import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtractRequester, ExtractRequestStatus, IdentityCheck } from "@/lib/generated/prisma/enums";
import { recordAuditNow } from "@/lib/audit";
import { can, extractRequestWhere, personAdministrationWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import type { TExtractRequestQuery } from "./schemas";
import { extractOpenUntil, isExtractOpen } from "./window";

/*
 * What the register extract's requests show: to the administrator who registers and produces, and
 * to the manager who decides. Only what a decision needs — the person's name and birth date, who
 * asked, how their identity was checked, the reference and the dates — never any case content.
 * Every read names the people it showed in the audit log.
 */

const personLabel = (p: { firstName: string; lastName: string; anonymisedAt: Date | null }) =>
  p.anonymisedAt ? null : `${p.firstName} ${p.lastName}`;

export type ExtractRequestRow = {
  id: string;
  reference: string;
  status: ExtractRequestStatus;
  person: { id: string; label: string | null };
  requester: ExtractRequester;
  receivedOn: Date;
  registeredAt: Date;
  decidedAt: Date | null;
  producedAt: Date | null;
};

/** The site's requests, newest first, optionally of one status (the manager's: awaiting a decision). */
export async function listExtractRequests({
  actor,
  query,
}: {
  actor: Actor;
  query: TExtractRequestQuery;
}): Promise<Page<ExtractRequestRow>> {
  const where: Prisma.RegisterExtractRequestWhereInput = {
    AND: [extractRequestWhere(actor, "list"), query.status ? { status: query.status } : {}],
  };
  const [rows, total] = await Promise.all([
    db.registerExtractRequest.findMany({
      where,
      select: {
        id: true,
        reference: true,
        status: true,
        requester: true,
        receivedOn: true,
        registeredAt: true,
        decidedAt: true,
        producedAt: true,
        person: { select: { id: true, firstName: true, lastName: true, anonymisedAt: true } },
      },
      orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
      ...pageArgs(query.page),
    }),
    db.registerExtractRequest.count({ where }),
  ]);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "RegisterExtractRequest",
    metadata: {
      ...(query.status ? { status: query.status } : {}),
      page: query.page,
      shownPersonIds: [...new Set(rows.map((r) => r.person.id))],
    },
  });
  return toPage(
    rows.map(({ person, ...r }) => ({ ...r, person: { id: person.id, label: personLabel(person) } })),
    total,
    query.page,
  );
}

export type ExtractRequestView = {
  id: string;
  version: number;
  status: ExtractRequestStatus;
  reference: string;
  person: { id: string; label: string | null; birthDate: Date | null };
  requester: ExtractRequester;
  requesterName: string | null;
  receivedOn: Date;
  identityCheck: IdentityCheck;
  identityCheckNote: string | null;
  registeredBy: { id: string; name: string };
  registeredAt: Date;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  producedBy: { id: string; name: string } | null;
  producedAt: Date | null;
  /** What the viewer may do with it now. */
  canDecide: boolean;
  isOwnRegistration: boolean;
  canProduce: boolean;
  /** Set while the viewer, who produced it, may still open the extract. */
  openUntil: Date | null;
};

/** One request, for its page (ADMIN) or for the decision (MANAGER); the read is audited with the person. */
export async function getExtractRequest({
  actor,
  requestId,
  now = new Date(),
}: {
  actor: Actor;
  requestId: string;
  now?: Date;
}): Promise<ExtractRequestView> {
  const where = extractRequestWhere(actor, "read");
  if (!isUuid(requestId)) throw new NotFoundError("registerExtract");
  const r = await db.registerExtractRequest.findFirst({
    where: { AND: [where, { id: requestId }] },
    select: {
      id: true,
      version: true,
      status: true,
      reference: true,
      requester: true,
      requesterName: true,
      receivedOn: true,
      identityCheck: true,
      identityCheckNote: true,
      registeredAt: true,
      decidedAt: true,
      decisionNote: true,
      producedAt: true,
      person: { select: { id: true, firstName: true, lastName: true, birthDate: true, anonymisedAt: true } },
      registeredBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
      producedBy: { select: { id: true, name: true } },
    },
  });
  if (!r) throw new NotFoundError("registerExtract");
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "RegisterExtractRequest",
    entityId: r.id,
    personId: r.person.id,
    reason: r.reference,
    metadata: { requestId: r.id },
  });
  const isOwnRegistration = r.registeredBy.id === actor.id;
  const isProducer = r.producedBy?.id === actor.id;
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    reference: r.reference,
    person: {
      id: r.person.id,
      label: personLabel(r.person),
      birthDate: r.person.anonymisedAt ? null : r.person.birthDate,
    },
    requester: r.requester,
    requesterName: r.requesterName,
    receivedOn: r.receivedOn,
    identityCheck: r.identityCheck,
    identityCheckNote: r.identityCheckNote,
    registeredBy: r.registeredBy,
    registeredAt: r.registeredAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    producedBy: r.producedBy,
    producedAt: r.producedAt,
    isOwnRegistration,
    canDecide: r.status === "REGISTERED" && !isOwnRegistration && can(actor, "registerExtract", "update"),
    canProduce: r.status === "APPROVED" && can(actor, "registerExtract", "export"),
    openUntil:
      r.status === "PRODUCED" && isProducer && r.producedAt && isExtractOpen(r.producedAt, now)
        ? extractOpenUntil(r.producedAt)
        : null,
  };
}

export type ExtractRequestSubject = {
  id: string;
  label: string | null;
  maskedIdentityNumber: string | null;
  birthDate: Date | null;
  anonymised: boolean;
};

/**
 * The person a new request is about, for the registration form (ADMIN, from the person's page in
 * the audit log). Logged like the readers page: the person in metadata only, since the name and
 * masked number shown there are no reading of the file.
 */
export async function getExtractRequestSubject({
  actor,
  personId,
}: {
  actor: Actor;
  personId: string;
}): Promise<ExtractRequestSubject> {
  const where = personAdministrationWhere(actor, "registerExtract", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const person = await db.person.findFirst({
    where: { AND: [where, { id: personId }] },
    select: { id: true, firstName: true, lastName: true, identityNumber: true, birthDate: true, anonymisedAt: true },
  });
  if (!person) throw new NotFoundError("person");
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "RegisterExtractRequest",
    metadata: { newRequestForPersonId: person.id },
  });
  return {
    id: person.id,
    label: personLabel(person),
    maskedIdentityNumber: person.identityNumber ? maskIdentityNumber(person.identityNumber) : null,
    birthDate: person.birthDate,
    anonymised: person.anonymisedAt !== null,
  };
}
