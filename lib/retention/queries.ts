import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditNow } from "@/lib/audit";
import { personAdministrationWhere, type Actor } from "@/lib/authz";
import { db, type Tx } from "@/lib/db";
import { pageArgs, toPage, type Page } from "@/lib/pagination";
import { maskIdentityNumber } from "@/lib/validation/personnummer";
import { DEFAULT_RETENTION_MONTHS, retentionCutoff, REVIEW_AHEAD_DAYS } from "./rules";

/*
 * Retention (gallring, docs/decisions/005): a person with no recorded activity for the retention
 * period (SystemSetting "retentionMonths", default 36) is due. ADMIN reviews the list ahead of
 * time and keeps or anonymises; the scheduled command (`npm run retention -- --apply`)
 * anonymises whoever is due. Anonymising keeps the person row (anonymisedAt set, which every authz
 * builder excludes) and every record's codes and dates, so aggregate figures do not change; it
 * removes the identity and every free text. The audit log keeps that it happened, not what it removed.
 */

export const RETENTION_SETTING = "retentionMonths";

export async function getRetentionMonths(client: Pick<Tx, "systemSetting"> = db): Promise<number> {
  return (await getRetentionSetting(client)).months;
}

/** The period and the version of the setting (0 while it was never saved), for the edit form. */
export async function getRetentionSetting(
  client: Pick<Tx, "systemSetting"> = db,
): Promise<{ months: number; version: number }> {
  const setting = await client.systemSetting.findUnique({ where: { key: RETENTION_SETTING } });
  const months = setting ? Number(setting.value) : NaN;
  return {
    months: Number.isInteger(months) && months > 0 ? months : DEFAULT_RETENTION_MONTHS,
    version: setting?.version ?? 0,
  };
}

export type RetentionRow = {
  id: string;
  name: string;
  maskedIdentityNumber: string | null;
  status: string;
  lastActivityAt: Date;
  version: number;
  isDue: boolean;
  /** Matters still open although nothing happened: the reviewer should look before anonymising. */
  openReferrals: number;
  openFollowUps: number;
};

/** ADMIN's review list: people due, and those falling due within REVIEW_AHEAD_DAYS, oldest first. */
export async function listRetentionReview({
  actor,
  page,
  now = new Date(),
}: {
  actor: Actor;
  page: number;
  now?: Date;
}) {
  const { months, version: monthsVersion } = await getRetentionSetting();
  const cutoff = retentionCutoff(now, months);
  const horizon = new Date(cutoff.getTime() + REVIEW_AHEAD_DAYS * 86_400_000);
  const where: Prisma.PersonWhereInput = {
    AND: [
      personAdministrationWhere(actor, "retention", "list"),
      { anonymisedAt: null, lastActivityAt: { lt: horizon } },
    ],
  };
  const [people, total, dueCount] = await Promise.all([
    db.person.findMany({
      where,
      orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
      ...pageArgs(page),
      select: {
        id: true,
        firstName: true,
        lastName: true,
        identityNumber: true,
        status: true,
        lastActivityAt: true,
        version: true,
        _count: { select: { referrals: { where: { closedAt: null } }, followUps: { where: { doneAt: null } } } },
      },
    }),
    db.person.count({ where }),
    db.person.count({ where: { AND: [where, { lastActivityAt: { lt: cutoff } }] } }),
  ]);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "RetentionReview",
    metadata: { page, shownPersonIds: people.map((p) => p.id) },
  });
  const result: Page<RetentionRow> = toPage(
    people.map((p) => ({
      id: p.id,
      name: `${p.firstName} ${p.lastName}`,
      maskedIdentityNumber: p.identityNumber ? maskIdentityNumber(p.identityNumber) : null,
      status: p.status,
      lastActivityAt: p.lastActivityAt,
      version: p.version,
      isDue: p.lastActivityAt < cutoff,
      openReferrals: p._count.referrals,
      openFollowUps: p._count.followUps,
    })),
    total,
    page,
  );
  return { ...result, months, monthsVersion, cutoff, dueCount, reviewAheadDays: REVIEW_AHEAD_DAYS };
}
