import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { authorize, userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { pageArgs, toPage } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/ids";

// Password hashes, TOTP secrets and recovery-code hashes are never selected: only whether a second
// factor exists and how many recovery codes are left.
const USER_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  isActive: true,
  lastSignInAt: true,
  totpEnabledAt: true,
  agency: true,
  federatedSubject: true,
} as const;

/** The site's user accounts, for ADMIN. */
export async function listUsers({ actor, page }: { actor: Actor; page: number }) {
  const where = userWhere(actor, "list");
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: USER_SELECT, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageArgs(page) }),
    db.user.count({ where }),
  ]);
  await recordAuditNow(actor, {
    action: "READ",
    entityType: "User",
    metadata: { page, shownUserIds: rows.map((u) => u.id) },
  });
  const items = rows.map(({ totpEnabledAt, ...u }) => ({ ...u, hasSecondFactor: totpEnabledAt !== null }));
  return toPage(items, total, page);
}

export type AdminUserView = {
  id: string;
  agency: Actor["agency"];
  federatedSubject: string | null;
  name: string;
  email: string;
  role: Actor["role"];
  isActive: boolean;
  lastSignInAt: Date | null;
  hasSecondFactor: boolean;
  recoveryCodesLeft: number;
  version: number;
  isSelf: boolean;
};

/** One account of the actor's site, for its administration page; audited. */
export async function getUserForAdmin({ actor, userId }: { actor: Actor; userId: string }): Promise<AdminUserView> {
  if (!isUuid(userId)) throw new NotFoundError("user");
  const user = await db.user.findFirst({
    where: { AND: [userWhere(actor, "read"), { id: userId }] },
    select: { ...USER_SELECT, version: true, recoveryCodeHashes: true },
  });
  if (!user) throw new NotFoundError("user");
  await recordAuditNow(actor, { action: "READ", entityType: "User", entityId: user.id });
  const { totpEnabledAt, recoveryCodeHashes, ...rest } = user;
  return {
    ...rest,
    hasSecondFactor: totpEnabledAt !== null,
    recoveryCodesLeft: recoveryCodeHashes.length,
    isSelf: user.id === actor.id,
  };
}

export type SiteSignIn = {
  siteName: string;
  passwordSignIn: boolean;
  version: number;
  providers: { agency: Actor["agency"] & string; label: string; isTestProvider: boolean }[];
};

/** How the administrator's site signs in: its agencies' IdPs and whether passwords are allowed. Configuration, not personal data. */
export async function siteSignIn({ actor }: { actor: Actor }): Promise<SiteSignIn> {
  authorize(actor, "user", "list");
  const site = await db.site.findUniqueOrThrow({
    where: { id: actor.siteId },
    select: {
      name: true,
      passwordSignIn: true,
      version: true,
      identityProviders: {
        where: { isEnabled: true },
        select: { agency: true, label: true, isTestProvider: true },
        orderBy: { agency: "asc" },
      },
    },
  });
  return {
    siteName: site.name,
    passwordSignIn: site.passwordSignIn,
    version: site.version,
    providers: site.identityProviders,
  };
}
