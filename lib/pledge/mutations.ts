import "server-only";
import { recordAudit } from "@/lib/audit";
import { authorize, pledgeWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PLEDGE_TEXT } from "./default-text";
import type { TAcceptPledge, TPublishPledge } from "./schemas";

/*
 * The confidentiality pledge (tystnadsförbindelse, issue 14). Each acceptance is a row (user,
 * version, time) and an audit event in the same transaction; publishing a new version makes
 * everyone accept anew (lib/auth/session.ts lets nobody past until they have).
 */

async function latestPledge(tx: Tx, actor: Actor) {
  return tx.confidentialityPledge.findFirst({
    where: pledgeWhere(actor, "read"),
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
}

/**
 * Accepts the version the user read. A newer version published meanwhile is a conflict (they
 * must read that one). A site without any pledge gets the default text as version 1 here
 * (lib/pledge/default-text.ts); two first acceptances at once write it once. Accepting a
 * version already accepted changes nothing and logs nothing.
 */
export async function acceptPledge({ actor, input }: { actor: Actor; input: TAcceptPledge }): Promise<void> {
  authorize(actor, "pledgeAcceptance", "create");
  try {
    await db.$transaction(async (tx) => {
      let pledge = await latestPledge(tx, actor);
      if (!pledge && input.version === 1) {
        await tx.confidentialityPledge.createMany({
          data: [{ siteId: actor.siteId, version: 1, text: DEFAULT_PLEDGE_TEXT }],
          skipDuplicates: true,
        });
        pledge = await latestPledge(tx, actor);
      }
      if (!pledge || pledge.version !== input.version) throw new ConflictError();
      const accepted = await tx.pledgeAcceptance.findUnique({
        where: { userId_pledgeId: { userId: actor.id, pledgeId: pledge.id } },
        select: { id: true },
      });
      if (accepted) return;
      const acceptance = await tx.pledgeAcceptance.create({
        data: { userId: actor.id, pledgeId: pledge.id },
        select: { id: true },
      });
      await recordAudit(tx, actor, {
        action: "CREATE",
        entityType: "PledgeAcceptance",
        entityId: acceptance.id,
        metadata: { pledgeId: pledge.id, version: pledge.version },
      });
    });
  } catch (error) {
    // The same user accepting in two tabs at once: the other tab's acceptance (and its audit event) stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return;
    throw error;
  }
}

/**
 * ADMIN publishes a new version of the site's pledge: the next version number, refused as a
 * conflict when another version was published after the one the administrator edited.
 * Everyone, the administrator too, accepts it before their next page.
 */
export async function publishPledge({
  actor,
  input,
}: {
  actor: Actor;
  input: TPublishPledge;
}): Promise<{ version: number }> {
  authorize(actor, "pledge", "create");
  try {
    return await db.$transaction(async (tx) => {
      const latest = await latestPledge(tx, actor);
      if ((latest?.version ?? 0) !== input.replaces) throw new ConflictError();
      const pledge = await tx.confidentialityPledge.create({
        data: { siteId: actor.siteId, version: input.replaces + 1, text: input.text, publishedById: actor.id },
        select: { id: true, version: true },
      });
      await recordAudit(tx, actor, {
        action: "CREATE",
        entityType: "ConfidentialityPledge",
        entityId: pledge.id,
        metadata: { version: pledge.version },
      });
      return { version: pledge.version };
    });
  } catch (error) {
    // Two administrators publishing the same next version at once: the unique (site, version) decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError();
    throw error;
  }
}
