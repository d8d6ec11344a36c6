import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { authorize, fileTransferInWhere, fileTransferOutWhere, type Actor } from "@/lib/authz";
import { moveRetentionClock, openPerson } from "@/lib/caseload-gate";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { DuplicateIdentityNumberError, findDuplicates, PossibleDuplicateError } from "@/lib/people/mutations";
import { updateVersioned } from "@/lib/versioning";
import type { TAcceptFileTransfer, TCancelFileTransfer, TDeclineFileTransfer, TRequestFileTransfer } from "./schemas";

/*
 * Moving a person's file to another site (docs/decisions/016). The sending site's social services
 * ask; the receiving site's take it over (or decline). What goes is social services' own
 * information and the profile, copied at acceptance from the sending records as they are then,
 * in one transaction with the closing of the sending record and the audit events of both sites.
 * Never another agency's records, internal notes, enforcement actions or memberships.
 */

/** The agency whose records a transfer carries: the sending and the receiving side are both it. */
const CARRIED_AGENCY = "SOCIAL";

/** Sends the person's file to another site's social services, under the person's consent. */
export async function requestFileTransfer({
  actor,
  input,
}: {
  actor: Actor;
  input: TRequestFileTransfer;
}): Promise<{ id: string; personId: string }> {
  authorize(actor, "fileTransfer", "create");
  try {
    return await db.$transaction(async (tx) => {
      const { person, audit } = await openPerson({
        actor,
        personId: input.personId,
        tx,
        select: { id: true, transferredAt: true },
      });
      if (person.transferredAt) throw new RuleError("alreadyTransferred");
      if (input.toSiteId === actor.siteId) throw new RuleError("unknownSite", "toSiteId");
      const site = await tx.site.count({ where: { id: input.toSiteId } });
      if (site !== 1) throw new RuleError("unknownSite", "toSiteId");
      const open = await tx.fileTransfer.count({
        where: { AND: [fileTransferOutWhere(actor, "read"), { personId: person.id, status: "REQUESTED" }] },
      });
      if (open > 0) throw new RuleError("transferOpen");
      const transfer = await tx.fileTransfer.create({
        data: {
          siteId: actor.siteId,
          toSiteId: input.toSiteId,
          personId: person.id,
          consentReference: input.consentReference,
          consentGivenOn: input.consentGivenOn,
          carriesPlan: input.carriesPlan,
          carriesReferrals: input.carriesReferrals,
          carriesSupportMeasures: input.carriesSupportMeasures,
          createdById: actor.id,
        },
        select: { id: true },
      });
      await audit({
        action: "CREATE",
        entityType: "FileTransfer",
        entityId: transfer.id,
        metadata: {
          direction: "out",
          toSiteId: input.toSiteId,
          carriesPlan: input.carriesPlan,
          carriesReferrals: input.carriesReferrals,
          carriesSupportMeasures: input.carriesSupportMeasures,
        },
      });
      return { id: transfer.id, personId: person.id };
    });
  } catch (error) {
    // Two requests at once: the partial unique index keeps one open transfer per person.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RuleError("transferOpen");
    throw error;
  }
}

/** The sending site withdraws a request not yet answered. */
export async function cancelFileTransfer({
  actor,
  input,
}: {
  actor: Actor;
  input: TCancelFileTransfer;
}): Promise<{ personId: string }> {
  const where = { AND: [fileTransferOutWhere(actor, "update"), { status: "REQUESTED" as const }] };
  return db.$transaction(async (tx) => {
    const current = await tx.fileTransfer.findFirst({
      where: { AND: [fileTransferOutWhere(actor, "read"), { id: input.transferId }] },
      select: { id: true, personId: true, status: true, version: true },
    });
    if (!current) throw new NotFoundError("fileTransfer");
    const { audit } = await openPerson({ actor, personId: current.personId, tx });
    if (current.status !== "REQUESTED")
      throw current.version === input.version ? new RuleError("transferDecided") : new ConflictError();
    await updateVersioned(tx.fileTransfer, {
      where,
      id: current.id,
      version: input.version,
      data: { status: "CANCELLED" },
    });
    await audit({
      action: "UPDATE",
      entityType: "FileTransfer",
      entityId: current.id,
      metadata: { direction: "out", status: "CANCELLED" },
    });
    return { personId: current.personId };
  });
}

/** An unanswered transfer to the actor's site, or NotFoundError / ConflictError. */
async function openIncoming(tx: Tx, actor: Actor, transferId: string, version: number) {
  const transfer = await tx.fileTransfer.findFirst({
    where: { AND: [fileTransferInWhere(actor, "update"), { id: transferId }] },
  });
  if (!transfer) throw new NotFoundError("fileTransfer");
  if (transfer.status !== "REQUESTED")
    throw transfer.version === version ? new RuleError("transferDecided") : new ConflictError();
  return transfer;
}

/** The audit event at the sending site about its record: the answer came from the receiving site. */
async function auditAtSendingSite(
  tx: Tx,
  actor: Actor,
  transfer: { id: string; siteId: string; personId: string },
  metadata: Prisma.InputJsonObject,
) {
  // The event belongs to the sending site's log (its administrators review it, its register extract
  // shows it), though the actor is the receiving site's social secretary.
  await recordAudit(
    tx,
    { ...actor, siteId: transfer.siteId },
    {
      action: "UPDATE",
      entityType: "FileTransfer",
      entityId: transfer.id,
      personId: transfer.personId,
      metadata: { direction: "out", ...metadata },
    },
  );
}

/** The receiving site says no; the sending record stays open. */
export async function declineFileTransfer({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TDeclineFileTransfer;
  now?: Date;
}): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const transfer = await openIncoming(tx, actor, input.transferId, input.version);
    await updateVersioned(tx.fileTransfer, {
      where: { AND: [fileTransferInWhere(actor, "update"), { status: "REQUESTED" }] },
      id: transfer.id,
      version: input.version,
      data: { status: "DECLINED", decidedAt: now, decidedById: actor.id, declineNote: input.note ?? null },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "FileTransfer",
      entityId: transfer.id,
      metadata: {
        direction: "in",
        status: "DECLINED",
        fromSiteId: transfer.siteId,
        sendingPersonId: transfer.personId,
      },
    });
    await auditAtSendingSite(tx, actor, transfer, { status: "DECLINED", toSiteId: actor.siteId });
    return { id: transfer.id };
  });
}

type Carried = {
  person: "created" | "linked";
  planId: string | null;
  planMeasureIds: string[];
  referralIds: string[];
  supportMeasureIds: string[];
};

/**
 * The receiving site takes the file over, all in one transaction: the answer (claimed first, under
 * the version the user saw), the receiving person (new, after the site's duplicate check, or one
 * it already has), the carried records copied from the sending records as they are now (new ids,
 * this site, the accepting user as creator), the accepting user as the person's coordinator for
 * social services, the sending record closed (where the file went, its coordinators ended), and
 * the audit events of both sites. A failure anywhere leaves nothing half-moved.
 */
export async function acceptFileTransfer({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TAcceptFileTransfer;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  if (actor.agency !== CARRIED_AGENCY) throw new NotFoundError("fileTransfer");
  return db.$transaction(async (tx) => {
    const transfer = await openIncoming(tx, actor, input.transferId, input.version);
    const sending = await tx.person.findFirst({
      where: { id: transfer.personId, siteId: transfer.siteId, anonymisedAt: null, transferredAt: null },
    });
    if (!sending) throw new NotFoundError("fileTransfer");

    // The receiving site's duplicate check, as "Ny person" runs it, on what the transfer brings.
    const duplicates = await findDuplicates(tx, actor, sending);
    let receivingId: string;
    let linkedAccess: Awaited<ReturnType<typeof openPerson>> | null = null;
    if (input.mode === "link") {
      const candidates = [
        ...(duplicates.byNumber?.existing ? [duplicates.byNumber.existing.id] : []),
        ...duplicates.sameNameAndBirthDate.map((m) => m.id),
      ];
      if (!input.linkPersonId || !candidates.includes(input.linkPersonId))
        throw new RuleError("transferLinkNotMatch", "linkPersonId");
      linkedAccess = await openPerson({
        actor,
        personId: input.linkPersonId,
        tx,
        select: { id: true, hasProtectedIdentity: true },
      });
      receivingId = linkedAccess.person.id;
      // Protection only narrows who sees the town: a protected identity stays protected here.
      const linked = linkedAccess.person as { id: string; hasProtectedIdentity: boolean };
      if (sending.hasProtectedIdentity && !linked.hasProtectedIdentity) {
        await tx.person.update({
          where: { id: receivingId },
          data: {
            hasProtectedIdentity: true,
            protectedTown: sending.protectedTown,
            protectedAddress: sending.protectedAddress,
            version: { increment: 1 },
          },
        });
      }
    } else {
      if (duplicates.byNumber) throw new DuplicateIdentityNumberError(duplicates.byNumber.existing);
      if (duplicates.sameNameAndBirthDate.length > 0 && !input.confirmDuplicate)
        throw new PossibleDuplicateError(duplicates.sameNameAndBirthDate);
      const created = await tx.person.create({
        data: {
          siteId: actor.siteId,
          firstName: sending.firstName,
          lastName: sending.lastName,
          identityNumber: sending.identityNumber,
          identityNumberKind: sending.identityNumberKind,
          birthDate: sending.birthDate,
          aliases: sending.aliases,
          status: sending.status,
          hasProtectedIdentity: sending.hasProtectedIdentity,
          protectedTown: sending.protectedTown,
          protectedAddress: sending.protectedAddress,
          createdById: actor.id,
        },
        select: { id: true },
      });
      receivingId = created.id;
    }

    // The answer, claimed before anything is copied: a second acceptance finds it taken.
    await updateVersioned(tx.fileTransfer, {
      where: { AND: [fileTransferInWhere(actor, "update"), { status: "REQUESTED" }] },
      id: transfer.id,
      version: input.version,
      data: { status: "ACCEPTED", decidedAt: now, decidedById: actor.id, receivedPersonId: receivingId },
    });

    const carried: Carried = {
      person: input.mode === "link" ? "linked" : "created",
      planId: null,
      planMeasureIds: [],
      referralIds: [],
      supportMeasureIds: [],
    };
    const from = { siteId: transfer.siteId, personId: sending.id };

    if (transfer.carriesPlan) {
      const plan = await tx.individualPlan.findFirst({
        where: from,
        include: { measures: { where: { agency: CARRIED_AGENCY }, orderBy: { dueOn: "asc" } } },
      });
      if (plan) {
        // A person the site already plans for keeps its plan's goals; the measures join it.
        const existing = await tx.individualPlan.findFirst({
          where: { siteId: actor.siteId, personId: receivingId },
          select: { id: true },
        });
        const target =
          existing ??
          (await tx.individualPlan.create({
            data: {
              siteId: actor.siteId,
              personId: receivingId,
              goals: plan.goals,
              reviewOn: plan.reviewOn,
              createdById: actor.id,
              updatedById: actor.id,
            },
            select: { id: true },
          }));
        carried.planId = target.id;
        for (const m of plan.measures) {
          const copy = await tx.planMeasure.create({
            data: {
              siteId: actor.siteId,
              planId: target.id,
              personId: receivingId,
              agency: CARRIED_AGENCY,
              title: m.title,
              description: m.description,
              // The responsible is a user of the owner agency at the measure's site: the acceptor.
              responsibleId: actor.id,
              dueOn: m.dueOn,
              status: m.status,
              statusChangedAt: m.statusChangedAt,
              createdById: actor.id,
            },
            select: { id: true },
          });
          carried.planMeasureIds.push(copy.id);
        }
      }
    }

    if (transfer.carriesReferrals) {
      const referrals = await tx.referral.findMany({
        where: from,
        orderBy: { referredAt: "asc" },
        include: {
          history: { orderBy: { changedAt: "asc" }, select: { fromStatus: true, toStatus: true, changedAt: true } },
          supportMeasures: transfer.carriesSupportMeasures ? { orderBy: { startsOn: "asc" } } : false,
        },
      });
      if (referrals.some((r) => r.closedAt === null)) {
        const open = await tx.referral.count({
          where: { siteId: actor.siteId, personId: receivingId, closedAt: null },
        });
        if (open > 0) throw new RuleError("openReferralExists");
      }
      for (const r of referrals) {
        const copy = await tx.referral.create({
          data: {
            siteId: actor.siteId,
            personId: receivingId,
            status: r.status,
            statusChangedAt: r.statusChangedAt,
            // The notification or call-in it came from is the sending site's joint work: not carried.
            source: r.source,
            referredAt: r.referredAt,
            closedAt: r.closedAt,
            createdById: actor.id,
            // The steps and their dates are the referral's status; their comments stay behind.
            history: {
              create: r.history.map((h) => ({
                fromStatus: h.fromStatus,
                toStatus: h.toStatus,
                changedAt: h.changedAt,
                changedById: actor.id,
              })),
            },
          },
          select: { id: true },
        });
        carried.referralIds.push(copy.id);
        for (const m of r.supportMeasures ?? []) {
          const measure = await tx.supportMeasure.create({
            data: {
              siteId: actor.siteId,
              referralId: copy.id,
              personId: receivingId,
              type: m.type,
              status: m.status,
              startsOn: m.startsOn,
              endsOn: m.endsOn,
              outcome: m.outcome,
              destinationTown: m.destinationTown,
              createdById: actor.id,
            },
            select: { id: true },
          });
          carried.supportMeasureIds.push(measure.id);
        }
      }
    }

    await tx.fileTransfer.update({ where: { id: transfer.id }, data: { carried } });

    // The accepting social secretary handles the person now (and so sees a protected town).
    const handling = await tx.assignment.count({
      where: { personId: receivingId, userId: actor.id, agency: CARRIED_AGENCY, endedAt: null },
    });
    if (handling === 0)
      await tx.assignment.create({
        data: {
          siteId: actor.siteId,
          personId: receivingId,
          userId: actor.id,
          agency: CARRIED_AGENCY,
          createdById: actor.id,
        },
      });

    // The sending record closes: it says where the file went; nobody there coordinates the person.
    await tx.person.update({
      where: { id: sending.id },
      data: { transferredAt: now, transferredToSiteId: actor.siteId, lastActivityAt: now, version: { increment: 1 } },
    });
    await tx.assignment.updateMany({ where: { personId: sending.id, endedAt: null }, data: { endedAt: now } });

    const counts = {
      plan: carried.planId !== null,
      planMeasures: carried.planMeasureIds.length,
      referrals: carried.referralIds.length,
      supportMeasures: carried.supportMeasureIds.length,
    };
    const inEvent = {
      action: "CREATE" as const,
      entityType: "FileTransfer" as const,
      entityId: transfer.id,
      metadata: {
        direction: "in",
        status: "ACCEPTED",
        fromSiteId: transfer.siteId,
        sendingPersonId: sending.id,
        person: carried.person,
        ...counts,
      },
    };
    if (linkedAccess) await linkedAccess.audit(inEvent);
    else {
      await moveRetentionClock(tx, [receivingId], now);
      await recordAudit(tx, actor, { ...inEvent, personId: receivingId });
    }
    await auditAtSendingSite(tx, actor, transfer, {
      status: "ACCEPTED",
      toSiteId: actor.siteId,
      ...counts,
    });
    return { id: transfer.id, personId: receivingId };
  });
}
