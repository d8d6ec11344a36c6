import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { accessReviewWhere, can, reviewedUserWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";
import type { AccessReviewDecision } from "@/lib/generated/prisma/enums";
import { accessReviewStatus, type AccessReviewStatus } from "./rules";

const DAY = 86_400_000;
/** The list shows accounts due within this many days, and every overdue one. */
export const DUE_AHEAD_DAYS = 30;
/** Activity is counted over this window; an account without a sign-in in it is "unused" and shown first. */
export const ACTIVITY_DAYS = 90;
/** A site's active accounts read at once to apply the rule: far above any site's staff. */
const ACCOUNTS_CAP = 5_000;

export type ReviewSettings = { months: number; graceDays: number; version: number };
export type DueAccount = {
  id: string;
  name: string;
  role: Actor["role"];
  dueAt: Date;
  suspendsAt: Date;
  status: AccessReviewStatus;
  lastSignInAt: Date | null;
  isUnused: boolean;
  isSelf: boolean;
  /** Audit events by the account in the last ACTIVITY_DAYS days, and the latest of them. */
  events: number;
  lastEventAt: Date | null;
};

async function settingsOf(actor: Actor): Promise<ReviewSettings> {
  const site = await db.site.findUniqueOrThrow({
    where: { id: actor.siteId },
    select: { accessReviewMonths: true, accessReviewGraceDays: true, version: true },
  });
  return { months: site.accessReviewMonths, graceDays: site.accessReviewGraceDays, version: site.version };
}

/** Each account's audit events in the window and the latest: one grouped query on (actorId, occurredAt). */
async function activityOf(
  userIds: string[],
  now: Date,
): Promise<Map<string, { events: number; lastEventAt: Date | null }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.auditEvent.groupBy({
    by: ["actorId"],
    where: { actorId: { in: userIds }, occurredAt: { gte: new Date(now.getTime() - ACTIVITY_DAYS * DAY) } },
    _count: { _all: true },
    _max: { occurredAt: true },
  });
  return new Map(rows.map((r) => [r.actorId!, { events: r._count._all, lastEventAt: r._max.occurredAt }]));
}

const isUnused = (lastSignInAt: Date | null, now: Date) =>
  !lastSignInAt || lastSignInAt.getTime() < now.getTime() - ACTIVITY_DAYS * DAY;

/**
 * The site's active accounts whose review is due within DUE_AHEAD_DAYS days or overdue, for
 * MANAGER and ADMIN: accounts unused for ACTIVITY_DAYS days first (the likeliest to remove), then
 * by due date. The rule is lib/access-review/rules.ts, applied here as at sign-in and per request.
 * Account data: the read is audited with the accounts shown.
 */
export async function listAccountsDue({
  actor,
  page,
  now = new Date(),
}: {
  actor: Actor;
  page: number;
  now?: Date;
}): Promise<{ settings: ReviewSettings; accounts: Page<DueAccount>; canChangeSettings: boolean }> {
  const where = reviewedUserWhere(actor, "list");
  const settings = await settingsOf(actor);
  const site = { accessReviewMonths: settings.months, accessReviewGraceDays: settings.graceDays };
  const users = await db.user.findMany({
    where: { AND: [where, { isActive: true }] },
    select: { id: true, name: true, role: true, createdAt: true, accessReviewedAt: true, lastSignInAt: true },
    orderBy: { id: "asc" },
    take: ACCOUNTS_CAP,
  });
  const horizon = now.getTime() + DUE_AHEAD_DAYS * DAY;
  const due = users
    .map((u) => ({ ...u, ...accessReviewStatus(u, site, now), isUnused: isUnused(u.lastSignInAt, now) }))
    .filter((u) => u.dueAt.getTime() <= horizon)
    .sort(
      (a, b) =>
        Number(b.isUnused) - Number(a.isUnused) ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.name.localeCompare(b.name, "sv"),
    );
  const { skip, take } = pageArgs(page);
  const shown = due.slice(skip, skip + take);
  const activity = await activityOf(
    shown.map((u) => u.id),
    now,
  );
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "AccessReview",
    metadata: { page, shownUserIds: shown.map((u) => u.id) },
  });
  const items = shown.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    dueAt: u.dueAt,
    suspendsAt: u.suspendsAt,
    status: u.status,
    lastSignInAt: u.lastSignInAt,
    isUnused: u.isUnused,
    isSelf: u.id === actor.id,
    events: activity.get(u.id)?.events ?? 0,
    lastEventAt: activity.get(u.id)?.lastEventAt ?? null,
  }));
  return {
    settings,
    accounts: toPage(items, due.length, page),
    canChangeSettings: can(actor, "accessReview", "update"),
  };
}

export type AccountForReview = DueAccount & {
  email: string;
  agency: Actor["agency"];
  isActive: boolean;
  createdAt: Date;
  accessReviewedAt: Date | null;
  version: number;
  reviews: { id: string; decision: AccessReviewDecision; note: string; reviewer: string; createdAt: Date }[];
};

/** One account of the site with its review status, activity and earlier reviews; audited. */
export async function getAccountForReview({
  actor,
  userId,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  now?: Date;
}): Promise<AccountForReview> {
  if (!isUuid(userId)) throw new NotFoundError("accessReview");
  const user = await db.user.findFirst({
    where: { AND: [reviewedUserWhere(actor, "read"), { id: userId }] },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      agency: true,
      isActive: true,
      createdAt: true,
      accessReviewedAt: true,
      lastSignInAt: true,
      version: true,
    },
  });
  if (!user) throw new NotFoundError("accessReview");
  const [settings, activity, reviews] = await Promise.all([
    settingsOf(actor),
    activityOf([user.id], now),
    db.accessReview.findMany({
      where: { AND: [accessReviewWhere(actor, "read"), { userId: user.id }] },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, decision: true, note: true, createdAt: true, reviewer: { select: { name: true } } },
    }),
  ]);
  await recordAuditNow(actor, { action: "READ", entityType: "AccessReview", entityId: user.id });
  const status = accessReviewStatus(
    user,
    { accessReviewMonths: settings.months, accessReviewGraceDays: settings.graceDays },
    now,
  );
  return {
    ...user,
    ...status,
    isUnused: isUnused(user.lastSignInAt, now),
    isSelf: user.id === actor.id,
    events: activity.get(user.id)?.events ?? 0,
    lastEventAt: activity.get(user.id)?.lastEventAt ?? null,
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      note: r.note,
      reviewer: r.reviewer.name,
      createdAt: r.createdAt,
    })),
  };
}
