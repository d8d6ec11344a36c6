import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "./actor";
import { grantFor, type Action, type Resource, type Scope } from "./permissions";

/**
 * Throws NotFoundError unless the actor's role holds a grant: a denied record looks exactly like a
 * missing one. Returns the grant's scope for the caller's where/select builders.
 */
export function authorize(actor: Actor, resource: Resource, action: Action): Scope {
  const scope = grantFor(actor.role, resource, action);
  if (!scope) throw new NotFoundError(resource);
  return scope;
}

export function can(actor: Actor, resource: Resource, action: Action): boolean {
  return grantFor(actor.role, resource, action) !== null;
}

/** People of the actor's site who have not been anonymised. */
export function personWhere(actor: Actor, action: Action = "read"): Prisma.PersonWhereInput {
  authorize(actor, "person", action);
  return { siteId: actor.siteId, anonymisedAt: null };
}

export function groupWhere(actor: Actor, action: Action = "read"): Prisma.GroupWhereInput {
  authorize(actor, "group", action);
  return { siteId: actor.siteId };
}

export function notificationWhere(actor: Actor, action: Action = "read"): Prisma.CustomNotificationWhereInput {
  authorize(actor, "notification", action);
  return { siteId: actor.siteId, person: { anonymisedAt: null } };
}

/** Internal notes: the actor's own agency's only, whatever the record. */
export function internalNoteWhere(actor: Actor, action: Action = "read"): Prisma.InternalNoteWhereInput {
  authorize(actor, "internalNote", action);
  if (!actor.agency) throw new NotFoundError("internalNote");
  return { siteId: actor.siteId, agency: actor.agency };
}

export function userWhere(actor: Actor, action: Action = "read"): Prisma.UserWhereInput {
  authorize(actor, "user", action);
  return { siteId: actor.siteId };
}

/** Colleagues of the actor's site that may be named as participants in joint activities. */
export function colleagueWhere(actor: Actor): Prisma.UserWhereInput {
  authorize(actor, "notification", "create");
  return { siteId: actor.siteId, isActive: true, role: { in: ["POLICE", "SOCIAL", "PROBATION"] } };
}

export function auditEventWhere(actor: Actor, action: Action = "list"): Prisma.AuditEventWhereInput {
  const scope = authorize(actor, "auditLog", action);
  return scope === "ownActions" ? { siteId: actor.siteId, actorId: actor.id } : { siteId: actor.siteId };
}
