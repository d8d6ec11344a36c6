import "server-only";
import { db } from "@/lib/db";

export async function checkHealth(): Promise<{ status: "ok" | "unavailable"; database: "ok" | "unavailable" }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "unavailable", database: "unavailable" };
  }
}
