import "server-only";
import { recordAudit } from "@/lib/audit";
import { authorize, roleNeedsNoteWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TSaveRoleNeeds } from "./schemas";

/**
 * Saves a role's needs-and-risk note as a new version; earlier versions stay (the analysis as it
 * stood when access was granted is part of the record a supervisor asks for). Refused as a
 * conflict when someone saved a version after the one the administrator edited.
 */
export async function saveRoleNeeds({
  actor,
  input,
}: {
  actor: Actor;
  input: TSaveRoleNeeds;
}): Promise<{ version: number }> {
  authorize(actor, "roleNeeds", "create");
  try {
    return await db.$transaction(async (tx) => {
      const latest = await tx.roleNeedsNote.findFirst({
        where: { AND: [roleNeedsNoteWhere(actor, "read"), { role: input.role }] },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      if ((latest?.version ?? 0) !== input.replaces) throw new ConflictError();
      const note = await tx.roleNeedsNote.create({
        data: {
          siteId: actor.siteId,
          role: input.role,
          version: input.replaces + 1,
          text: input.text,
          writtenById: actor.id,
        },
        select: { id: true, version: true },
      });
      await recordAudit(tx, actor, {
        action: "CREATE",
        entityType: "RoleNeedsNote",
        entityId: note.id,
        metadata: { role: input.role, version: note.version },
      });
      return { version: note.version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError();
    throw error;
  }
}
