import { actorOf } from "@/lib/auth";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPerson, createSite, createUser } from "@/prisma/factories";

export const ROLES: Role[] = ["POLICE", "SOCIAL", "PROBATION", "MANAGER", "ADMIN"];

/**
 * Two sites; in the first, one user per role and two people; in the second, a police user and a
 * person of its own (which nobody in the first site may ever see).
 */
export async function makeWorld() {
  const site = await createSite(db, { name: "Malmö (test)" });
  const otherSite = await createSite(db, { name: "Örebro (test)" });
  const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>;
  for (const role of ROLES) users[role] = await createUser(db, { siteId: site.id, role });
  const actors = Object.fromEntries(ROLES.map((role) => [role, actorOf(users[role])])) as Record<Role, Actor>;
  const otherUser = await createUser(db, { siteId: otherSite.id, role: "POLICE" });
  const person = await createPerson(db, {
    siteId: site.id,
    createdById: users.POLICE.id,
    firstName: "Testa",
    lastName: "Testsson",
  });
  const secondPerson = await createPerson(db, {
    siteId: site.id,
    createdById: users.POLICE.id,
    firstName: "Andra",
    lastName: "Personsson",
  });
  const otherPerson = await createPerson(db, {
    siteId: otherSite.id,
    createdById: otherUser.id,
    firstName: "Annan",
    lastName: "Ortsson",
  });
  return { site, otherSite, users, actors, otherActor: actorOf(otherUser), person, secondPerson, otherPerson };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
