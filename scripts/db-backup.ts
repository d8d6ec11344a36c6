/**
 * `npm run db:backup [-- --out FILE]`: a backup of the app's database (DATABASE_URL, or the
 * embedded PostgreSQL, started for the occasion if it is not running) to
 * .data/backups/samverkan-<time>.dump unless --out says where. Restore with `npm run db:restore`.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { DATA_DIR, startCluster } from "./lib/local-db";

async function main() {
  const outFlag = process.argv.indexOf("--out");
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const file = path.resolve(
    outFlag > 0 && process.argv[outFlag + 1]
      ? process.argv[outFlag + 1]!
      : path.join(DATA_DIR, "backups", `samverkan-${stamp}.dump`),
  );
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const cluster = await startCluster("app", { quiet: true });
  try {
    const { bytes, entries } = await backupDatabase(cluster.url, file);
    console.log(
      `Säkerhetskopia klar: ${path.relative(process.cwd(), file)} (${(bytes / 1024).toFixed(0)} kB, ${entries} delar).`,
    );
    console.log("Den innehåller personuppgifter: förvara den krypterad och åtkomstbegränsad.");
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
