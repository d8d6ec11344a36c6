import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { pledgeAcceptanceWhere, pledgeWhere, userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { DEFAULT_PLEDGE_TEXT } from "./default-text";

export type CurrentPledge = {
  version: number;
  text: string;
  publishedAt: Date | null;
  /** Whether the actor has accepted this version. */
  accepted: boolean;
};

/**
 * The site's current pledge (its highest version) as the actor must accept it. A site without
 * any pledge row shows the default text as version 1 (lib/pledge/default-text.ts), which the
 * first acceptance writes: a pledge is always required, and never impossible to give.
 */
export async function currentPledge({ actor }: { actor: Actor }): Promise<CurrentPledge> {
  const pledge = await db.confidentialityPledge.findFirst({
    where: pledgeWhere(actor, "read"),
    orderBy: { version: "desc" },
    select: {
      version: true,
      text: true,
      publishedAt: true,
      acceptances: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  if (!pledge) return { version: 1, text: DEFAULT_PLEDGE_TEXT, publishedAt: null, accepted: false };
  return {
    version: pledge.version,
    text: pledge.text,
    publishedAt: pledge.publishedAt,
    accepted: pledge.acceptances.length > 0,
  };
}

export type PledgeAcceptanceRow = {
  id: string;
  userName: string;
  role: Actor["role"];
  version: number;
  acceptedAt: Date;
};
export type PledgeOverview = {
  current: { version: number; text: string; publishedAt: Date | null; publishedBy: string | null; isDefault: boolean };
  versions: { version: number; publishedAt: Date; publishedBy: string | null; acceptances: number }[];
  /** Active accounts of the site that have not accepted the current version (at most PENDING_SHOWN). */
  pending: { id: string; name: string; role: Actor["role"]; lastSignInAt: Date | null }[];
  pendingTotal: number;
  acceptances: Page<PledgeAcceptanceRow>;
};

const PENDING_SHOWN = 100;
const VERSIONS_SHOWN = 50;

/**
 * For ADMIN: the site's pledge, its versions, who has not yet accepted the current one, and every
 * acceptance (who accepted which version when), newest first. Account data, so the read is audited
 * with the accounts shown, as the user list's is (lib/users/queries.ts).
 */
export async function pledgeOverview({ actor, page }: { actor: Actor; page: number }): Promise<PledgeOverview> {
  const acceptanceWhere = pledgeAcceptanceWhere(actor, "list");
  const versions = await db.confidentialityPledge.findMany({
    where: pledgeWhere(actor, "read"),
    orderBy: { version: "desc" },
    take: VERSIONS_SHOWN,
    select: {
      id: true,
      version: true,
      text: true,
      publishedAt: true,
      publishedBy: { select: { name: true } },
      _count: { select: { acceptances: true } },
    },
  });
  const latest = versions[0];
  const pendingWhere = {
    AND: [
      userWhere(actor, "list"),
      { isActive: true, ...(latest ? { pledgeAcceptances: { none: { pledgeId: latest.id } } } : {}) },
    ],
  };
  const [pending, pendingTotal, rows, total] = await Promise.all([
    db.user.findMany({
      where: pendingWhere,
      select: { id: true, name: true, role: true, lastSignInAt: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PENDING_SHOWN,
    }),
    db.user.count({ where: pendingWhere }),
    db.pledgeAcceptance.findMany({
      where: acceptanceWhere,
      select: {
        id: true,
        acceptedAt: true,
        user: { select: { id: true, name: true, role: true } },
        pledge: { select: { version: true } },
      },
      orderBy: [{ acceptedAt: "desc" }, { id: "desc" }],
      ...pageArgs(page),
    }),
    db.pledgeAcceptance.count({ where: acceptanceWhere }),
  ]);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "PledgeAcceptance",
    metadata: {
      page,
      shownUserIds: [...new Set([...pending.map((u) => u.id), ...rows.map((r) => r.user.id)])],
    },
  });
  return {
    current: latest
      ? {
          version: latest.version,
          text: latest.text,
          publishedAt: latest.publishedAt,
          publishedBy: latest.publishedBy?.name ?? null,
          isDefault: false,
        }
      : { version: 0, text: DEFAULT_PLEDGE_TEXT, publishedAt: null, publishedBy: null, isDefault: true },
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy?.name ?? null,
      acceptances: v._count.acceptances,
    })),
    pending,
    pendingTotal,
    acceptances: toPage(
      rows.map((r) => ({
        id: r.id,
        userName: r.user.name,
        role: r.user.role,
        version: r.pledge.version,
        acceptedAt: r.acceptedAt,
      })),
      total,
      page,
    ),
  };
}
