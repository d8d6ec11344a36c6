import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonReaders } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/validation/dates";

export async function ReadersTable({ personId, readers }: { personId: string; readers: PersonReaders["readers"] }) {
  const [t, troles] = await Promise.all([getTranslations("auditReaders"), getTranslations("roles")]);
  if (readers.length === 0) return <p>{t("none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("user")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("reads")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("withReason")}
            </th>
            <th scope="col" className="p-2">
              {t("first")}
            </th>
            <th scope="col" className="p-2">
              {t("last")}
            </th>
          </tr>
        </thead>
        <tbody>
          {readers.map((r) => (
            <tr key={r.user?.id ?? "system"} className="border-b border-slate-200">
              <td className="p-2">
                {r.user ? (
                  <Link href={`/admin/audit?${new URLSearchParams({ personId, userId: r.user.id })}`}>
                    {r.user.name} ({troles(r.user.role)})
                  </Link>
                ) : (
                  t("system")
                )}
              </td>
              <td className="p-2 text-right">{r.reads}</td>
              <td className="p-2 text-right">{r.withReason}</td>
              <td className="p-2">{formatDateTime(r.first)}</td>
              <td className="p-2">{formatDateTime(r.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
