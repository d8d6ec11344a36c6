import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { listUsers } from "@/lib/users/queries";
import { formatDateTime } from "@/lib/validation/dates";
import { DataTable } from "@/components/ui/data-table";

type UserRow = Awaited<ReturnType<typeof listUsers>>["items"][number];

/** The site's accounts; the name leads to the account's administration page. */
export async function UserTable({ users }: { users: UserRow[] }) {
  const [t, tr, ta] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("agencies"),
  ]);
  return (
    <DataTable
      caption={t("caption")}
      empty={t("empty")}
      rows={users}
      rowKey={(u) => u.id}
      columns={[
        {
          header: t("name"),
          primary: true,
          cell: (u) => (
            <Link href={`/admin/users/${u.id}`} aria-label={t("manageUser", { name: u.name })}>
              {u.name}
            </Link>
          ),
        },
        { header: t("email"), cell: (u) => u.email, className: "break-all" },
        { header: t("role"), cell: (u) => tr(u.role) },
        { header: t("status"), cell: (u) => (u.isActive ? t("active") : t("inactive")) },
        {
          header: t("signIn"),
          cell: (u) => (u.federatedSubject && u.agency ? t("federated", { agency: ta(u.agency) }) : t("password")),
        },
        { header: t("twoFactor"), cell: (u) => (u.hasSecondFactor ? t("twoFactorOn") : t("twoFactorOff")) },
        { header: t("lastSignIn"), cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("never")) },
      ]}
    />
  );
}
