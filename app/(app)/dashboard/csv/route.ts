import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { requireArea } from "@/lib/auth/session";
import { exportDashboardCsv } from "@/lib/dashboard/queries";
import type { Translate, TranslateLabels } from "@/lib/dashboard/tables";
import { orNotFound } from "@/lib/page-guards";

/** One table of the dashboard as CSV (`?section=…` and the page's period parameters). */
export async function GET(request: NextRequest) {
  const actor = await requireArea("dashboard");
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const [t, labels] = (await Promise.all([getTranslations("dashboard"), getTranslations()])) as unknown as [
    Translate,
    TranslateLabels,
  ];
  const file = await orNotFound(
    exportDashboardCsv({ actor, params, section: String(params.section ?? ""), t, labels }),
  );
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
