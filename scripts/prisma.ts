/**
 * `npm run db:*`: Prisma against the local database (embedded PostgreSQL unless DATABASE_URL).
 *
 *   db:generate          generate the client (no database needed)
 *   db:deploy            apply committed migrations
 *   db:migrate -- NAME   apply pending migrations, then create a new one from schema changes
 *   db:seed              load the demo data (refused on a production database)
 *   db:reset             drop the database, migrate and seed again: starting over on purpose
 */
import { dropDatabase, ensureDatabase, startCluster } from "./lib/local-db";
import { PLACEHOLDER_URL, runPrismaOrThrow } from "./lib/prisma-cli";
import { seedDemoDatabase } from "./lib/seed-runner";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "generate") {
    await runPrismaOrThrow(["generate", ...rest], process.env.DATABASE_URL ?? PLACEHOLDER_URL);
    return;
  }
  const cluster = await startCluster("app");
  try {
    switch (command) {
      case "deploy":
        await ensureDatabase(cluster.url);
        await runPrismaOrThrow(["migrate", "deploy"], cluster.url);
        break;
      case "migrate": {
        // Prisma 6.19's JS engine: `migrate dev` fails when migrations are pending, so deploy first.
        await ensureDatabase(cluster.url);
        await runPrismaOrThrow(["migrate", "deploy"], cluster.url);
        const name = rest.find((a) => !a.startsWith("-"));
        await runPrismaOrThrow(
          ["migrate", "dev", ...(name ? ["--name", name] : []), ...rest.filter((a) => a !== name)],
          cluster.url,
        );
        break;
      }
      case "seed":
        await ensureDatabase(cluster.url);
        await runPrismaOrThrow(["migrate", "deploy"], cluster.url);
        await seedDemoDatabase(cluster.url, { force: rest.includes("--force") });
        break;
      case "reset":
        await dropDatabase(cluster.url);
        await ensureDatabase(cluster.url);
        await runPrismaOrThrow(["migrate", "deploy"], cluster.url);
        await seedDemoDatabase(cluster.url, { force: rest.includes("--force") });
        break;
      default:
        console.error(`Unknown command "${command ?? ""}". Use generate, deploy, migrate, seed or reset.`);
        process.exitCode = 2;
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
