import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReferralCard } from "@/lib/referrals/queries";
import { formatDay } from "@/lib/validation/format-day";
import { ReferralStatusBadge } from "./referral-badge";

export async function ReferralList({ items }: { items: ReferralCard[] }) {
  const [t, ts] = await Promise.all([getTranslations("referrals"), getTranslations("referralStatus")]);
  return (
    <ul className="flex flex-col gap-2">
      {items.map((r) => (
        <li
          key={r.id}
          className="flex flex-col gap-1 rounded-md border border-slate-300 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
        >
          <div>
            <Link href={`/referrals/${r.id}`} className="font-semibold">
              {r.personName}
            </Link>
            <p className="text-sm text-slate-700">
              {t("referredOn", { referred: ts("REFERRED"), date: formatDay(r.referredAt) })}
            </p>
          </div>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <ReferralStatusBadge status={r.status} />
            {t("since", { date: formatDay(r.statusChangedAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
