import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unavailable" };

/**
 * For load balancers (/api/health): the app answers, and so does its database, within two
 * seconds. No details: an outage is "unavailable", whatever the cause.
 */
export async function checkHealth(client: Pick<PrismaClient, "$queryRaw"> = db, timeoutMs = 2_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([client.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "unavailable", database: "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
