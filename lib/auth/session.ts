import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { canUseArea, type Actor, type Area } from "@/lib/authz";
import { db } from "@/lib/db";
import { actorOf, auth } from "./index";

/**
 * The signed-in user, loaded from the database on every request (once per request), so that a
 * deactivated user or a revoked session stops working at once, not when the cookie expires.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, siteId: true, role: true, name: true, isActive: true, sessionsValidAfter: true },
  });
  if (!user || !user.isActive) return null;
  if (session.authTime < user.sessionsValidAfter.getTime()) return null;
  return actorOf(user);
});

/** For pages and actions: the actor, or off to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For pages: the actor, if their role works in `area`; otherwise the page does not exist. */
export async function requireArea(area: Area): Promise<Actor> {
  const actor = await requireActor();
  if (!canUseArea(actor.role, area)) notFound();
  return actor;
}
