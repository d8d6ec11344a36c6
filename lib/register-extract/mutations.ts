import "server-only";
import { recordAudit } from "@/lib/audit";
import { extractRequestWhere, personAdministrationWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError, RuleError } from "@/lib/errors";
import { updateVersioned } from "@/lib/versioning";
import { EXTRACT_OPEN_MINUTES } from "./window";
import type { TDecideExtractRequest, TProduceRegisterExtract, TRegisterExtractRequest } from "./schemas";

/*
 * The register extract's four-eyes flow (docs/decisions/007): an administrator registers the
 * access request, a second person decides it, and only then is the extract produced, once, for
 * that request. Each step is one transaction with its audit event, which names the person (so "who
 * has read this file" shows it), the request and its reference. The database keeps the same rules
 * (CHECK constraints and the trigger register_extract_request_flow), so no other path around
 * these functions can break them.
 */

/** ADMIN registers an access request about a person of the site; nothing is shown or produced yet. */
export async function registerExtractRequest({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TRegisterExtractRequest;
  now?: Date;
}): Promise<{ id: string }> {
  const where = personAdministrationWhere(actor, "registerExtract", "create");
  return db.$transaction(async (tx) => {
    const person = await tx.person.findFirst({
      where: { AND: [where, { id: input.personId }] },
      select: { id: true, anonymisedAt: true },
    });
    if (!person) throw new NotFoundError("person");
    // Anonymised: nothing identifies them any more, so there is nothing about them to give out.
    if (person.anonymisedAt) throw new RuleError("personAnonymised");
    const request = await tx.registerExtractRequest.create({
      data: {
        siteId: actor.siteId,
        personId: person.id,
        requester: input.requester,
        requesterName: input.requester === "DATA_SUBJECT" ? null : (input.requesterName ?? null),
        receivedOn: input.receivedOn,
        identityCheck: input.identityCheck,
        identityCheckNote: input.identityCheck === "OTHER" ? (input.identityCheckNote ?? null) : null,
        reference: input.reference,
        registeredById: actor.id,
        registeredAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "CREATE",
      entityType: "RegisterExtractRequest",
      entityId: request.id,
      personId: person.id,
      reason: input.reference,
      metadata: {
        requestId: request.id,
        event: "registered",
        requester: input.requester,
        identityCheck: input.identityCheck,
      },
    });
    return request;
  });
}

/**
 * The second person approves, or rejects with a reason. Never the one who registered it: checked
 * here (a clear message), in the scope (extractRequestWhere "update") and by the database.
 */
export async function decideExtractRequest({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TDecideExtractRequest;
  now?: Date;
}): Promise<{ id: string }> {
  const updateWhere = extractRequestWhere(actor, "update");
  const readWhere = extractRequestWhere(actor, "read");
  return db.$transaction(async (tx) => {
    const current = await tx.registerExtractRequest.findFirst({
      where: { AND: [readWhere, { id: input.requestId }] },
      select: { id: true, personId: true, status: true, reference: true, registeredById: true },
    });
    if (!current) throw new NotFoundError("registerExtract");
    if (current.registeredById === actor.id) throw new RuleError("ownRequest");
    if (current.status !== "REGISTERED") throw new RuleError("alreadyDecided");
    // The version the manager saw: a decision made meanwhile by someone else bumped it, so this
    // one is a conflict (the trigger register_extract_request_flow refuses a second decision too).
    await updateVersioned(tx.registerExtractRequest, {
      where: updateWhere,
      id: current.id,
      version: input.version,
      data: { status: input.decision, decidedById: actor.id, decidedAt: now, decisionNote: input.decisionNote ?? null },
    });
    await recordAudit(tx, actor, {
      action: "UPDATE",
      entityType: "RegisterExtractRequest",
      entityId: current.id,
      personId: current.personId,
      reason: current.reference,
      metadata: { requestId: current.id, event: input.decision === "APPROVED" ? "approved" : "rejected" },
    });
    return { id: current.id };
  });
}

/**
 * "Ta fram utdrag": the one event that produces the extract of an approved request. APPROVED →
 * PRODUCED in one conditional UPDATE, so two clicks (or two administrators) produce it once; the
 * EXPORT event names the request and its reference. What it opens: the producer may view and
 * download this production for EXTRACT_OPEN_MINUTES (getRegisterExtract), and nobody ever again.
 */
export async function produceRegisterExtract({
  actor,
  input,
  now = new Date(),
}: {
  actor: Actor;
  input: TProduceRegisterExtract;
  now?: Date;
}): Promise<{ id: string; personId: string }> {
  const where = extractRequestWhere(actor, "export");
  return db.$transaction(async (tx) => {
    const current = await tx.registerExtractRequest.findFirst({
      where: { AND: [where, { id: input.requestId }] },
      select: { id: true, personId: true, status: true, reference: true },
    });
    if (!current) throw new NotFoundError("registerExtract");
    if (current.status === "PRODUCED") throw new RuleError("alreadyProduced");
    if (current.status !== "APPROVED") throw new RuleError("notApproved");
    const { count } = await tx.registerExtractRequest.updateMany({
      where: { AND: [where, { id: current.id, status: "APPROVED" }] },
      data: { status: "PRODUCED", producedById: actor.id, producedAt: now, version: { increment: 1 } },
    });
    // Another click or another administrator produced it in between.
    if (count !== 1) throw new RuleError("alreadyProduced");
    await recordAudit(tx, actor, {
      action: "EXPORT",
      entityType: "RegisterExtract",
      entityId: current.id,
      personId: current.personId,
      reason: current.reference,
      metadata: { requestId: current.id, event: "produced", openMinutes: EXTRACT_OPEN_MINUTES },
    });
    return { id: current.id, personId: current.personId };
  });
}
