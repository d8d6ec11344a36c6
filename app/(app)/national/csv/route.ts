import { getTranslations } from "next-intl/server";
import type { NextRequest } from "next/server";
import { requireArea } from "@/lib/auth/session";
import type { Translate } from "@/lib/dashboard/tables";
import { exportNationalCsv } from "@/lib/national/queries";
import { orNotFound } from "@/lib/page-guards";

/** One period of the national view as CSV (`?part=current|previous` and the page's period parameters). */
export async function GET(request: NextRequest) {
  const actor = await requireArea("national");
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const [t, td] = (await Promise.all([getTranslations("national"), getTranslations("dashboard")])) as unknown as [
    Translate,
    Translate,
  ];
  const file = await orNotFound(exportNationalCsv({ actor, params, part: String(params.part ?? ""), t, td }));
  return new Response(file.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
