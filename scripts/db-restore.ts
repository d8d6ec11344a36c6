/**
 * `npm run db:restore -- FILE --yes`: replaces the app's database with a backup made by
 * `npm run db:backup`. The backup is loaded into a new database first (a damaged file changes
 * nothing); the database it replaces is kept as `<name>_before_restore` until the next restore.
 */
import { existsSync } from "node:fs";
import { databaseName, startCluster } from "./lib/local-db";
import { restoreDatabase } from "./lib/backup";

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  if (!file || !existsSync(file)) {
    console.error("Ange säkerhetskopian: npm run db:restore -- .data/backups/samverkan-….dump --yes");
    process.exit(2);
  }
  const cluster = await startCluster("app", { quiet: true });
  try {
    const name = databaseName(cluster.url);
    if (!args.includes("--yes")) {
      console.error(`Detta ersätter databasen "${name}" med ${file}. Kör igen med --yes för att fortsätta.`);
      process.exitCode = 2;
      return;
    }
    const { previous } = await restoreDatabase(file, cluster.url);
    console.log(
      `Återställd: "${name}" innehåller nu ${file}.${previous ? ` Den tidigare databasen finns kvar som "${previous}".` : ""}`,
    );
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
