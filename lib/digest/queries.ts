import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/** The user's own digest setting and when the last one went out (no personal data of anyone else). */
export async function getDigestSettings({ actor }: { actor: Actor }) {
  const user = await db.user.findFirst({
    where: { id: actor.id, siteId: actor.siteId },
    select: {
      email: true,
      digestEnabled: true,
      version: true,
      digestDeliveries: { select: { sentAt: true }, orderBy: { sentAt: "desc" }, take: 1 },
    },
  });
  if (!user) throw new NotFoundError("user");
  return {
    email: user.email,
    enabled: user.digestEnabled,
    version: user.version,
    lastSentAt: user.digestDeliveries[0]?.sentAt ?? null,
  };
}
