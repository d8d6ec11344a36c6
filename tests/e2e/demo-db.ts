import pg from "pg";
import { databaseName, loadLocalConfig, withDatabase } from "../../scripts/lib/local-db";

/**
 * Read-only look-ups in the end-to-end database (the one scripts/e2e-server.ts seeds), to find the
 * demo records a journey needs — the visit with two agencies' notes, a given person — without
 * depending on the order of a list. Tests change data through the browser only.
 */
async function url(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) return withDatabase(external, `${databaseName(external)}_e2e`);
  const { postgresPassword } = await loadLocalConfig();
  return `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${process.env.EMBEDDED_PG_TEST_PORT ?? 54339}/samverkan_e2e`;
}

export async function query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: await url() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type DemoPerson = { id: string; name: string; identityNumber: string };

/** Person number `i` of prisma/seed/demo.ts (its personnummer's serial is 100 + 3i, stored +1). */
export async function demoPerson(i: number): Promise<DemoPerson> {
  const serial = String(((100 + 3 * i) % 999) + 1).padStart(3, "0");
  const rows = await query<DemoPerson>(
    `SELECT p.id, p."firstName" || ' ' || p."lastName" AS name, p."identityNumber" AS "identityNumber"
       FROM "Person" p JOIN "Site" s ON s.id = p."siteId"
      WHERE s.code = 'malmo' AND substr(p."identityNumber", 9, 3) = $1`,
    [serial],
  );
  if (rows.length !== 1) throw new Error(`demo person ${i}: ${rows.length} matches`);
  return rows[0]!;
}

/** The demo visit that carries both the police's and social services' internal notes. */
export async function visitWithTwoNotes(): Promise<{ personId: string; policeNote: string; socialNote: string }> {
  const rows = await query<{ personId: string; agency: string; body: string }>(
    `SELECT n."personId" AS "personId", i.agency, i.body
       FROM "InternalNote" i JOIN "CustomNotification" n ON n.id = i."notificationId"
      WHERE i."notificationId" IN (SELECT "notificationId" FROM "InternalNote" GROUP BY "notificationId" HAVING count(DISTINCT agency) = 2)
      ORDER BY i.agency`,
  );
  const police = rows.find((r) => r.agency === "POLICE");
  const social = rows.find((r) => r.agency === "SOCIAL");
  if (!police || !social) throw new Error("the demo data has no visit with two agencies' notes");
  return { personId: police.personId, policeNote: police.body, socialNote: social.body };
}
