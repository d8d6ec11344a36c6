import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the app and its database answer, 503 otherwise. No details. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
