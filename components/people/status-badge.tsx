import { getTranslations } from "next-intl/server";
import type { PersonStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const TONE: Record<PersonStatus, string> = {
  ACTIVE: "bg-slate-100 text-slate-900 border-slate-400",
  DEPRIVED_OF_LIBERTY: "bg-amber-100 text-amber-950 border-amber-600",
  RELOCATED: "bg-brand-50 text-brand-900 border-brand-700",
  LEFT_PROGRAMME: "bg-green-50 text-green-900 border-green-700",
  DECEASED: "bg-slate-200 text-slate-900 border-slate-500",
};

export async function StatusBadge({ status }: { status: PersonStatus }) {
  const t = await getTranslations("personStatus");
  return (
    <span className={cn("inline-block rounded border px-2 py-0.5 text-sm font-medium", TONE[status])}>{t(status)}</span>
  );
}
