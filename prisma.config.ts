// Prisma CLI configuration. The CLI runs the WASM schema engine through our patched adapter, so
// no native engine is downloaded (docs/decisions/001-prisma-offline.md). Run Prisma through
// `npm run db:*` (scripts/prisma.ts): it starts the embedded PostgreSQL when DATABASE_URL is unset.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter, releaseLingeringTimers } from "./prisma/migrate-adapter";

releaseLingeringTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run Prisma through `npm run db:*`.");
    return migrationAdapter(url);
  },
});
