import { randomBytes, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ensureDatabase, ROOT, withDatabase } from "../../scripts/lib/local-db";

/*
 * The migration that made consent coverage codes (…_consent_coverage) on consents recorded before
 * it: each keeps what it named, but only the recording agency's own information counts as
 * confirmed. A consent the police recorded naming social services opens nothing of social
 * services' after the migration, until social services confirms it. Run on a database of its own,
 * migrated to the step before, with rows written as the old schema had them.
 */

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const TARGET = "_consent_coverage";
const url = withDatabase(inject("clusterUrl"), `scratch_consent_${randomBytes(3).toString("hex")}`);
let client: pg.Client;

async function migrations(): Promise<{ name: string; sql: string }[]> {
  const names = (await readdir(MIGRATIONS, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(MIGRATIONS, name, "migration.sql"), "utf8") })),
  );
}

const ids = {
  site: randomUUID(),
  police: randomUUID(),
  social: randomUUID(),
  probation: randomUUID(),
  person: randomUUID(),
};
const consents = {
  byPolice: randomUUID(),
  bySocial: randomUUID(),
  byProbation: randomUUID(),
  socialOnly: randomUUID(),
};

beforeAll(async () => {
  await ensureDatabase(url);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = await migrations();
  const at = all.findIndex((m) => m.name.endsWith(TARGET));
  expect(at).toBeGreaterThan(0);
  // Each migration as one simple-query message, as the project's migration adapter sends it.
  for (const m of all.slice(0, at)) await client.query(m.sql);

  await client.query(`INSERT INTO "Site" (id, code, name) VALUES ($1, 'm', 'Malmö')`, [ids.site]);
  for (const [key, role] of [
    ["police", "POLICE"],
    ["social", "SOCIAL"],
    ["probation", "PROBATION"],
  ] as const) {
    await client.query(
      `INSERT INTO "User" (id, "siteId", email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $3, $4, 'x', now())`,
      [ids[key], ids.site, `${key}@test.invalid`, role],
    );
  }
  await client.query(
    `INSERT INTO "Person" (id, "siteId", "firstName", "lastName", "updatedAt", "createdById") VALUES ($1, $2, 'A', 'B', now(), $3)`,
    [ids.person, ids.site, ids.police],
  );
  const old = (id: string, by: string, agencies: string) =>
    client.query(
      `INSERT INTO "Consent" (id, "siteId", "personId", agencies, scope, "documentReference", "givenOn", "updatedAt", "createdById")
       VALUES ($1, $2, $3, $4::"Agency"[], 'Sluta skjut', 'finns inte', '2026-01-01', now(), $5)`,
      [id, ids.site, ids.person, agencies, by],
    );
  await old(consents.byPolice, ids.police, "{SOCIAL,POLICE}");
  await old(consents.bySocial, ids.social, "{POLICE,SOCIAL,PROBATION}");
  await old(consents.byProbation, ids.probation, "{SOCIAL,PROBATION}");
  await old(consents.socialOnly, ids.social, "{SOCIAL}");

  await client.query(all[at]!.sql);
});

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

async function coverage(consentId: string): Promise<string[]> {
  const { rows } = await client.query<{ code: string }>(
    `SELECT "fromAgency" || ':' || kind || ':' || "toAgency" AS code FROM "ConsentCoverage" WHERE "consentId" = $1 ORDER BY 1`,
    [consentId],
  );
  return rows.map((r) => r.code);
}

async function confirmations(consentId: string): Promise<[string, string, string | null][]> {
  const { rows } = await client.query<{ agency: string; status: string; by: string | null }>(
    `SELECT agency, status, "decidedById" AS by FROM "ConsentConfirmation" WHERE "consentId" = $1 ORDER BY agency`,
    [consentId],
  );
  return rows.map((r) => [r.agency, r.status, r.by]);
}

describe("the consent coverage migration on consents recorded before it", () => {
  it("keeps what a consent named as coverage codes and who recorded it", async () => {
    expect(await coverage(consents.bySocial)).toEqual([
      "PROBATION:FOLLOW_UP:SOCIAL",
      "SOCIAL:FOLLOW_UP:PROBATION",
      "SOCIAL:REFERRAL_STATUS:POLICE",
      "SOCIAL:REFERRAL_STATUS:PROBATION",
      "SOCIAL:SUPPORT_MEASURE_STATUS:POLICE",
      "SOCIAL:SUPPORT_MEASURE_STATUS:PROBATION",
    ]);
    expect(await coverage(consents.byPolice)).toEqual([
      "SOCIAL:REFERRAL_STATUS:POLICE",
      "SOCIAL:SUPPORT_MEASURE_STATUS:POLICE",
    ]);
    expect(await coverage(consents.socialOnly)).toEqual([]);
    const { rows } = await client.query<{ id: string; recordedByAgency: string }>(
      `SELECT id, "recordedByAgency" FROM "Consent" ORDER BY "documentReference", id`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.recordedByAgency]))).toEqual({
      [consents.byPolice]: "POLICE",
      [consents.bySocial]: "SOCIAL",
      [consents.byProbation]: "PROBATION",
      [consents.socialOnly]: "SOCIAL",
    });
  });

  it("confirms only the recording agency's own information; every other holder is asked", async () => {
    // The insider's consent: recorded by the police, naming social services — opens nothing of theirs.
    expect(await confirmations(consents.byPolice)).toEqual([["SOCIAL", "REQUESTED", null]]);
    expect(await confirmations(consents.bySocial)).toEqual([
      ["SOCIAL", "CONFIRMED", ids.social],
      ["PROBATION", "REQUESTED", null],
    ]);
    expect(await confirmations(consents.byProbation)).toEqual([
      ["SOCIAL", "REQUESTED", null],
      ["PROBATION", "CONFIRMED", ids.probation],
    ]);
  });

  it("drops the unchecked free text and agency list, and holds new rows to the valid combinations", async () => {
    const { rows } = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Consent'`,
    );
    expect(rows.map((r) => r.column_name)).not.toEqual(expect.arrayContaining(["scope"]));
    expect(rows.map((r) => r.column_name)).not.toContain("agencies");
    await expect(
      client.query(`INSERT INTO "ConsentCoverage" VALUES ($1, 'POLICE', 'FOLLOW_UP', 'SOCIAL')`, [consents.byPolice]),
    ).rejects.toThrow(/consent_coverage_combination/);
    await expect(
      client.query(`INSERT INTO "ConsentCoverage" VALUES ($1, 'SOCIAL', 'REFERRAL_STATUS', 'SOCIAL')`, [
        consents.byPolice,
      ]),
    ).rejects.toThrow(/consent_coverage_combination/);
    await expect(
      client.query(`UPDATE "ConsentConfirmation" SET status = 'CONFIRMED' WHERE "consentId" = $1`, [consents.byPolice]),
    ).rejects.toThrow(/consent_confirmation_decided/);
  });
});
