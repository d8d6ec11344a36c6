import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./local-db";

/**
 * The committed migrations' SQL in order, optionally only those before `before` (a migration's
 * folder name): to build a database as it was before a migration, and then apply that migration
 * to real data (the audit chain's move, its test and `npm run bench:audit`).
 */
export function migrationSql(opts: { before?: string; only?: string } = {}): { name: string; sql: string }[] {
  const dir = path.join(ROOT, "prisma", "migrations");
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const wanted of [opts.before, opts.only])
    if (wanted !== undefined && !names.includes(wanted)) throw new Error(`migration ${wanted} not found`);
  const chosen = opts.only ? [opts.only] : opts.before ? names.slice(0, names.indexOf(opts.before)) : names;
  return chosen.map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}
