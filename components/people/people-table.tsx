import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PersonListItem } from "@/lib/people/queries";
import { StatusBadge } from "./status-badge";

export async function PeopleTable({ people }: { people: PersonListItem[] }) {
  const t = await getTranslations("people");
  return (
    <>
      {/* Phones: one card per person. */}
      <ul className="flex flex-col gap-2 sm:hidden">
        {people.map((p) => (
          <li key={p.id} className="rounded-md border border-slate-300 bg-white p-3">
            <Link href={`/people/${p.id}`} className="font-semibold">
              {p.name}
            </Link>
            <p className="text-sm text-slate-700">{p.maskedIdentityNumber ?? t("noIdentityNumber")}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <StatusBadge status={p.status} />
              {p.groups.map((g) => g.name).join(", ")}
            </p>
          </li>
        ))}
      </ul>
      <table className="hidden w-full border-collapse bg-white text-left sm:table">
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("name")}
            </th>
            <th scope="col" className="p-2">
              {t("identityNumber")}
            </th>
            <th scope="col" className="p-2">
              {t("status")}
            </th>
            <th scope="col" className="p-2">
              {t("groups")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("notifications")}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className="border-b border-slate-200">
              <td className="p-2">
                <Link href={`/people/${p.id}`} className="font-medium">
                  {p.name}
                </Link>
              </td>
              <td className="p-2 font-mono text-sm">{p.maskedIdentityNumber ?? t("noIdentityNumber")}</td>
              <td className="p-2">
                <StatusBadge status={p.status} />
              </td>
              <td className="p-2">{p.groups.map((g) => g.name).join(", ")}</td>
              <td className="p-2 text-right">{p.notificationCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
