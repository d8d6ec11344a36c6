import "server-only";
import { recordAuditNow } from "@/lib/audit";
import { userWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { pageArgs, toPage } from "@/lib/pagination";

/** The site's user accounts, for ADMIN. Password hashes and 2FA secrets are never selected. */
export async function listUsers({ actor, page }: { actor: Actor; page: number }) {
  const where = userWhere(actor, "list");
  const [items, total] = await Promise.all([
    db.user.findMany({
      where,
      select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(page),
    }),
    db.user.count({ where }),
  ]);
  await recordAuditNow(actor, { action: "READ", entityType: "User", metadata: { page, shownUserIds: items.map((u) => u.id) } });
  return toPage(items, total, page);
}
