import { getActor } from "@/lib/auth/session";
import { canUseArea } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { getTranslations } from "next-intl/server";
import { getRegisterExtract, registerExtractCsv, registerExtractJson } from "@/lib/register-extract";
import type { Labels } from "@/lib/register-extract/render";

const notFound = () =>
  new Response("Utdraget finns inte eller kan inte längre öppnas.", {
    status: 404,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

/**
 * The register extract of one produced request as a file (`?request=<id>&format=json|csv`): the
 * same rule as the printable page (the producer, within the window), each download audited.
 */
export async function GET(request: Request, { params }: RouteContext<"/people/[id]/extract/file">) {
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/login", request.url), 303);
  if (!canUseArea(actor.role, "admin")) return notFound();
  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (format !== "json" && format !== "csv")
    return new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  try {
    const extract = await getRegisterExtract({
      actor,
      personId: id,
      requestId: url.searchParams.get("request") ?? "",
      format,
    });
    const json = format === "json";
    const name = `registerutdrag-${extract.requestReference.replace(/[^\p{L}\p{N}_-]+/gu, "_")}-${extract.generatedAt.toISOString().slice(0, 10)}.${format}`;
    return new Response(
      json ? registerExtractJson(extract) : registerExtractCsv(extract, (await getTranslations()) as unknown as Labels),
      {
        headers: {
          "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          "Cache-Control": "no-store",
        },
      },
    );
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
