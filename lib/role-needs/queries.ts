import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { PERMISSIONS, roleNeedsNoteWhere, type Action, type Actor, type Resource, type Scope } from "@/lib/authz";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";

export type RoleGrant = { resource: Resource; actions: { action: Action; scope: Scope }[] };
export type RoleNeedsVersion = { version: number; text: string; writtenBy: string | null; createdAt: Date };
export type RoleNeedsView = {
  role: Role;
  /** What the role may do, read from the permission map itself (lib/authz/permissions.ts). */
  grants: RoleGrant[];
  current: RoleNeedsVersion | null;
  /** Earlier versions, newest first. */
  history: RoleNeedsVersion[];
};

const HISTORY_SHOWN = 20;
const ACTION_ORDER: Action[] = ["list", "read", "create", "update", "delete", "export"];

function grantsOf(role: Role): RoleGrant[] {
  return Object.entries(PERMISSIONS[role]).map(([resource, actions]) => ({
    resource: resource as Resource,
    actions: ACTION_ORDER.flatMap((action) => {
      const scope = actions?.[action];
      return scope ? [{ action, scope }] : [];
    }),
  }));
}

/**
 * For ADMIN: each role's permissions beside its needs-and-risk note and the note's history (who
 * wrote each version, when). The notes are about roles, not people; the read is audited like
 * every administrative view.
 */
export async function roleNeedsOverview({ actor }: { actor: Actor }): Promise<RoleNeedsView[]> {
  const where = roleNeedsNoteWhere(actor, "list");
  const roles = Object.values(Role);
  const notes = await Promise.all(
    roles.map((role) =>
      db.roleNeedsNote.findMany({
        where: { AND: [where, { role }] },
        orderBy: { version: "desc" },
        take: HISTORY_SHOWN + 1,
        select: { version: true, text: true, createdAt: true, writtenBy: { select: { name: true } } },
      }),
    ),
  );
  await recordAuditNow(actor, { action: "READ", entityType: "RoleNeedsNote" });
  return roles.map((role, i) => {
    const versions = notes[i]!.map((n) => ({
      version: n.version,
      text: n.text,
      createdAt: n.createdAt,
      writtenBy: n.writtenBy?.name ?? null,
    }));
    return { role, grants: grantsOf(role), current: versions[0] ?? null, history: versions.slice(1) };
  });
}
