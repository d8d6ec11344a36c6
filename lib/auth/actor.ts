import { AGENCY_OF_ROLE, type Actor } from "@/lib/authz/actor";

/** The actor every data function receives, from a user row. */
export function actorOf(user: { id: string; siteId: string; role: Actor["role"]; name: string }): Actor {
  return { id: user.id, siteId: user.siteId, role: user.role, agency: AGENCY_OF_ROLE[user.role], name: user.name };
}
