/**
 * `npm run retention -- --dry-run | --apply [--months N]`: the scheduled retention run (e.g. nightly
 * from cron or a systemd timer; see docs/decisions/005). People with no recorded activity for the
 * retention period (SystemSetting retentionMonths, default 36; --months overrides) are listed
 * (--dry-run) or anonymised (--apply), each with an ANONYMISE audit event. Prints ids, never names.
 *
 *   exit 0 done; exit 2 bad arguments or no database
 *
 * Uses DATABASE_URL, or the local embedded PostgreSQL like the other scripts.
 */
import { appSecrets, startCluster } from "./lib/local-db";

function parseArgs(argv: string[]): { apply: boolean; months?: number } {
  const apply = argv.includes("--apply");
  const dryRun = argv.includes("--dry-run");
  if (apply === dryRun) throw new Error("Say --dry-run (list who is due) or --apply (anonymise them).");
  const i = argv.indexOf("--months");
  if (i === -1) return { apply };
  const months = Number(argv[i + 1]);
  if (!Number.isInteger(months) || months < 6 || months > 240)
    throw new Error("--months wants a whole number of months, 6–240.");
  return { apply, months };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cluster = await startCluster("app", { quiet: true });
  // The app's modules read their configuration through lib/env.ts.
  process.env.DATABASE_URL = cluster.url;
  Object.assign(process.env, await appSecrets());
  const { runRetention } = await import("@/lib/retention/job");
  const { db, dbPool } = await import("@/lib/db");
  try {
    const run = await runRetention(args);
    const bySite = new Map<string, string[]>();
    for (const d of run.due) bySite.set(d.siteId, [...(bySite.get(d.siteId) ?? []), d.personId]);
    console.log(`Retention ${run.months} months: no activity since before ${run.cutoff.toISOString()}.`);
    for (const [siteId, ids] of bySite) console.log(`  site ${siteId}: ${ids.length} due\n    ${ids.join("\n    ")}`);
    console.log(
      args.apply
        ? `Anonymised ${run.anonymised} of ${run.due.length}.`
        : `${run.due.length} due; nothing changed (dry run).`,
    );
    return 0;
  } finally {
    await db.$disconnect();
    // lib/db.ts owns its pool (it survives PostgreSQL restarts): close it before the server stops.
    await dbPool().end();
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
