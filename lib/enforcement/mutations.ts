import "server-only";
import { openPerson, type PersonEvent } from "@/lib/caseload-gate";
import { recordAudit } from "@/lib/audit";
import { authorize, enforcementWhere, groupWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { RuleError } from "@/lib/errors";
import type { PersonStatus } from "@/lib/generated/prisma/enums";
import type { TRecordEnforcement } from "./schemas";

/**
 * An action that took the person's liberty, recorded or corrected with "mark as deprived of
 * liberty": the person's status becomes so from the action's time, in the action's transaction,
 * audited on its own (with the access basis, like the action). Never for someone deceased; a
 * person already deprived of liberty is left as is. Returns whether the status changed.
 */
export async function markDeprivedOfLiberty(
  tx: Tx,
  actor: Actor,
  {
    person,
    since,
    causeId,
    audit,
  }: {
    person: { id: string; status: PersonStatus };
    since: Date;
    causeId: string;
    audit: (event: PersonEvent) => Promise<void>;
  },
): Promise<boolean> {
  if (person.status === "DECEASED") throw new RuleError("personDeceased", "setDeprivedOfLiberty");
  if (person.status === "DEPRIVED_OF_LIBERTY") return false;
  await tx.person.update({
    where: { id: person.id },
    data: { status: "DEPRIVED_OF_LIBERTY", statusSince: since, version: { increment: 1 } },
  });
  await audit({
    action: "UPDATE",
    entityType: "Person",
    entityId: person.id,
    metadata: {
      fields: ["status", "statusSince"],
      fromStatus: person.status,
      toStatus: "DEPRIVED_OF_LIBERTY",
      cause: "EnforcementAction",
      causeId,
    },
  });
  return true;
}

/**
 * Records an enforcement action. When it takes the person's liberty and the officer says so, the
 * person's status becomes "deprived of liberty" in the same transaction (audited on its own), so
 * that everyone who plans a visit sees it.
 */
export async function recordEnforcementAction({
  actor,
  input,
}: {
  actor: Actor;
  input: TRecordEnforcement;
}): Promise<{ id: string; statusChanged: boolean }> {
  authorize(actor, "enforcement", "create");
  enforcementWhere(actor, "create");
  return db.$transaction(async (tx) => {
    // An action against a group alone is about no person; one against a person goes through the gate.
    const gate = input.personId
      ? await openPerson({ actor, personId: input.personId, tx, select: { id: true, status: true } })
      : null;
    const person = gate?.person ?? null;
    if (input.groupId) {
      const group = await tx.group.count({ where: { AND: [groupWhere(actor, "read"), { id: input.groupId }] } });
      if (group !== 1) throw new RuleError("unknownGroup", "groupId");
    }

    const action = await tx.enforcementAction.create({
      data: {
        siteId: actor.siteId,
        personId: person?.id ?? null,
        groupId: input.groupId ?? null,
        type: input.type,
        occurredAt: input.occurredAt,
        description: input.description ?? null,
        createdById: actor.id,
      },
      select: { id: true },
    });

    const statusChanged =
      person && input.setDeprivedOfLiberty
        ? await markDeprivedOfLiberty(tx, actor, {
            person,
            since: input.occurredAt,
            causeId: action.id,
            audit: gate!.audit,
          })
        : false;
    const entry = {
      action: "CREATE",
      entityType: "EnforcementAction",
      entityId: action.id,
      metadata: { type: input.type, groupId: input.groupId ?? null, setDeprivedOfLiberty: input.setDeprivedOfLiberty },
    } as const;
    await (gate ? gate.audit(entry) : recordAudit(tx, actor, entry));
    return { id: action.id, statusChanged };
  });
}
