/**
 * The offline migration tooling itself (prisma/migrate-adapter.ts + Prisma 6.19's WASM engine),
 * on scratch databases and a scratch schema: the defects it works around must stay fixed.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase, ROOT, withDatabase } from "../../scripts/lib/local-db";
import { runPrisma } from "../../scripts/lib/prisma-cli";

const dir = path.join(ROOT, ".data", "tmp", `migrate-${randomBytes(4).toString("hex")}`);
const migrations = path.join(dir, "migrations");
const devUrl = withDatabase(inject("clusterUrl"), `scratch_dev_${randomBytes(3).toString("hex")}`);
const emptyUrl = withDatabase(inject("clusterUrl"), `scratch_empty_${randomBytes(3).toString("hex")}`);

// The generator says "client" (no query engine): otherwise the CLI tries to download one.
const SCHEMA_V1 = `
generator client {
  provider   = "prisma-client"
  output     = "./generated"
  engineType = "client"
}
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
model Thing {
  id   Int    @id @default(autoincrement())
  name String
}
`;

// Second change: an enum, a relation and an index.
const SCHEMA_V2 = `${SCHEMA_V1.replace("  name String\n", "  name String\n  kind Kind @default(SMALL)\n  parts Part[]\n")}
enum Kind {
  SMALL
  LARGE
}
model Part {
  id      Int   @id @default(autoincrement())
  thingId Int
  thing   Thing @relation(fields: [thingId], references: [id])
  @@index([thingId])
}
`;

async function prisma(args: string[], url: string) {
  return runPrisma([...args, "--config", path.join(dir, "prisma.config.ts")], url, { quiet: true });
}

async function migrationNames(): Promise<string[]> {
  return (await readdir(migrations, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "schema.prisma"), SCHEMA_V1);
  await writeFile(
    path.join(dir, "prisma.config.ts"),
    `import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter, releaseLingeringTimers } from ${JSON.stringify(path.join(ROOT, "prisma", "migrate-adapter"))};
releaseLingeringTimers();
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(${JSON.stringify(dir)}, "schema.prisma"),
  migrations: { path: ${JSON.stringify(migrations)} },
  async adapter() { return migrationAdapter(process.env.DATABASE_URL!); },
});
`,
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await dropDatabase(devUrl);
  await dropDatabase(emptyUrl);
});

describe("migrations with the offline CLI adapter", { timeout: 120_000 }, () => {
  it("creates the missing database and a first migration from the schema", async () => {
    const result = await prisma(["migrate", "dev", "--name", "init", "--skip-generate"], devUrl);
    expect(result.code, result.output).toBe(0);
    expect(await migrationNames()).toEqual([expect.stringMatching(/_init$/)]);
  });

  it("turns a schema change (enum, relation, index) into a second migration", async () => {
    await writeFile(path.join(dir, "schema.prisma"), SCHEMA_V2);
    const result = await prisma(["migrate", "dev", "--name", "parts", "--skip-generate"], devUrl);
    expect(result.code, result.output).toBe(0);
    expect(await migrationNames()).toEqual([expect.stringMatching(/_init$/), expect.stringMatching(/_parts$/)]);
  });

  it("applies a hand-written migration with a plpgsql trigger and a CHECK constraint, then finds nothing to do", async () => {
    const name = "29990101000000_trigger";
    await mkdir(path.join(migrations, name));
    await writeFile(
      path.join(migrations, name, "migration.sql"),
      `ALTER TABLE "Thing" ADD CONSTRAINT thing_name_not_blank CHECK (length(trim(name)) > 0);
CREATE FUNCTION thing_upper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name := upper(NEW.name); -- a semicolon inside the body must not split the script
  RETURN NEW;
END
$$;
CREATE TRIGGER thing_upper BEFORE INSERT ON "Thing" FOR EACH ROW EXECUTE FUNCTION thing_upper();
`,
    );
    const deploy = await prisma(["migrate", "deploy"], devUrl);
    expect(deploy.code, deploy.output).toBe(0);
    // With a CHECK constraint in the database, introspection reads pg_constraint's "char" column.
    const again = await prisma(["migrate", "dev", "--skip-generate"], devUrl);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/Already in sync/);
    expect(await migrationNames()).toHaveLength(3);
  });

  it("deploys everything to an empty database, trigger included", async () => {
    const result = await prisma(["migrate", "deploy"], emptyUrl);
    expect(result.code, result.output).toBe(0);
    const [row] = await query<{ name: string; kind: string }>(
      emptyUrl,
      `INSERT INTO "Thing"(name) VALUES ('liten') RETURNING name, kind::text`,
    );
    expect(row).toEqual({ name: "LITEN", kind: "SMALL" });
    await expect(query(emptyUrl, `INSERT INTO "Thing"(name) VALUES ('  ')`)).rejects.toThrow(/thing_name_not_blank/);
    const status = await prisma(["migrate", "status"], emptyUrl);
    expect(status.output).toMatch(/Database schema is up to date/);
  });

  it("rolls a failing migration back as a whole", async () => {
    const name = "29990102000000_broken";
    await mkdir(path.join(migrations, name));
    await writeFile(path.join(migrations, name, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT 1/0;\n`);
    const result = await prisma(["migrate", "deploy"], emptyUrl);
    expect(result.code).not.toBe(0);
    const tables = await query<{ n: string }>(
      emptyUrl,
      `SELECT count(*)::text AS n FROM pg_tables WHERE tablename = 'Half'`,
    );
    expect(tables[0]!.n).toBe("0");
    await rm(path.join(migrations, name), { recursive: true });
  });

  it("leaves no shadow database behind", async () => {
    const rows = await query<{ datname: string }>(
      withDatabase(inject("clusterUrl"), "postgres"),
      `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`,
    );
    expect(rows).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
