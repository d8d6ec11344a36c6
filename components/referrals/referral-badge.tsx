import { getTranslations } from "next-intl/server";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const TONE: Record<ReferralStatus, string> = {
  REFERRED: "bg-slate-100 text-slate-900 border-slate-500",
  CONTACTED: "bg-brand-50 text-brand-900 border-brand-700",
  ASSESSED: "bg-brand-100 text-brand-900 border-brand-700",
  IN_PROGRAMME: "bg-green-50 text-green-900 border-green-700",
  COMPLETED: "bg-green-100 text-green-950 border-green-800",
  DISCONTINUED: "bg-amber-50 text-amber-950 border-amber-600",
  DECLINED: "bg-slate-200 text-slate-900 border-slate-500",
};

export async function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const t = await getTranslations("referralStatus");
  return (
    <span className={cn("inline-block rounded border px-2 py-0.5 text-sm font-medium", TONE[status])}>{t(status)}</span>
  );
}
