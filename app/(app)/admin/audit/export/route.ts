import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { canUseArea } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { exportAuditEvents } from "@/lib/audit-log/export";
import { parseAuditFilter } from "@/lib/audit-log/schemas";
import type { Labels } from "@/lib/labels";

/** The filtered audit events as CSV (the filters of /admin/audit as query parameters). */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/login", request.url), 303);
  if (!canUseArea(actor.role, "admin")) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const { filter } = parseAuditFilter(Object.fromEntries(url.searchParams));
  try {
    const labels = (await getTranslations()) as unknown as Labels;
    const { stream } = await exportAuditEvents({ actor, filter, labels });
    const name = `logg-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof RuleError)
      return new Response("Narrow the filter: too many events to export.", { status: 400 });
    throw error;
  }
}
