import { spawn } from "node:child_process";
import path from "node:path";
import { appSecrets, ROOT } from "./local-db";

/**
 * Runs prisma/seed.ts in its own Node process with the `react-server` export condition, so the
 * app modules it shares (marked `server-only`) load outside Next as they do inside it.
 */
export async function seedDemoDatabase(
  databaseUrl: string,
  opts: { force?: boolean; auto?: boolean } = {},
): Promise<void> {
  // The demo accounts' TOTP secrets are stored encrypted with the app's key.
  const secrets = await appSecrets();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "prisma", "seed.ts")],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...secrets,
          DATABASE_URL: databaseUrl,
          ...(opts.force ? { SEED_ALLOW_PRODUCTION: "yes" } : {}),
          ...(opts.auto ? { SEED_MODE: "auto" } : {}),
        },
        stdio: "inherit",
      },
    );
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`demo seed failed (exit ${code})`))));
  });
}
