import "server-only";
import { colleagueWhere, personWhere, authorize, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/ids";

/** What the "log a notification" form needs: whom it is about, and who could have taken part. */
export async function getNotificationFormOptions({ actor, personId }: { actor: Actor; personId: string }) {
  authorize(actor, "notification", "create");
  if (!isUuid(personId)) throw new NotFoundError("person");
  const [person, colleagues] = await Promise.all([
    db.person.findFirst({ where: { AND: [personWhere(actor, "read"), { id: personId }] }, select: { id: true, firstName: true, lastName: true, status: true } }),
    db.user.findMany({ where: colleagueWhere(actor), select: { id: true, name: true, role: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  if (!person) throw new NotFoundError("person");
  return { person, colleagues };
}
