import { getActor } from "@/lib/auth/session";
import { canUseArea } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { getRegisterExtract, registerExtractCsv, registerExtractJson } from "@/lib/register-extract";
import { ZExtractRequest } from "@/lib/register-extract/schemas";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** The register extract as a file (`?ref=<request reference>&format=json|csv`); logged like the page. */
export async function GET(request: Request, { params }: RouteContext<"/people/[id]/extract/file">) {
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/login", request.url), 303);
  if (!canUseArea(actor.role, "admin")) return notFound();
  const url = new URL(request.url);
  const parsed = ZExtractRequest.safeParse({ requestReference: url.searchParams.get("ref") ?? "", format: url.searchParams.get("format") });
  if (!parsed.success || parsed.data.format === "html") return new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  try {
    const extract = await getRegisterExtract({ actor, personId: id, request: parsed.data });
    const json = parsed.data.format === "json";
    const name = `registerutdrag-${extract.requestReference.replace(/[^\p{L}\p{N}_-]+/gu, "_")}-${extract.generatedAt.toISOString().slice(0, 10)}.${parsed.data.format}`;
    return new Response(json ? registerExtractJson(extract) : registerExtractCsv(extract), {
      headers: {
        "Content-Type": json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
