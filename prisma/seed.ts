/**
 * `npm run db:seed` / first start: loads the demo data into an empty database.
 * Refuses a database marked production (SystemSetting environment=production) unless
 * SEED_ALLOW_PRODUCTION=yes, and a database that already holds users (use `npm run db:reset`).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "./seed/demo";

/** `auto`: the first-start seed of `npm start`, which skips quietly where `db:seed` would refuse. */
export async function runSeed(databaseUrl: string, auto = false): Promise<"seeded" | "skipped"> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await db.user.count()) > 0) {
      if (!auto) console.log("The database already holds data; demo seed skipped (npm run db:reset starts over).");
      return "skipped";
    }
    const environment = await db.systemSetting.findUnique({ where: { key: "environment" } });
    if (environment?.value === "production" && process.env.SEED_ALLOW_PRODUCTION !== "yes") {
      if (auto) return "skipped";
      throw new Error("Refusing to load demo data: this database is marked as production.");
    }
    const started = Date.now();
    const result = await seedDemo(db);
    await db.systemSetting.upsert({
      where: { key: "environment" },
      create: { key: "environment", value: "development" },
      update: {},
    });
    console.log(
      `Demodata inläst: ${result.people} personer, ${result.users} användare (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
    return "seeded";
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: use `npm run db:seed`.");
    process.exit(1);
  }
  runSeed(url, process.env.SEED_MODE === "auto").catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
