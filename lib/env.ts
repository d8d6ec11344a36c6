import "server-only";
import { z } from "zod";

// The one place that reads process.env (STYLE.md). Parsed lazily so that `next build`, which
// imports server modules without a database, does not need the runtime secrets.
const ZEnv = z.object({
  DATABASE_URL: z.string().url(),
  AUTH_SECRET: z.string().min(32),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const fields = Object.keys(z.flattenError(parsed.error).fieldErrors).join(", ");
      throw new Error(`Invalid environment (${fields}): start the app with \`npm start\` or see .env.example.`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** The log level alone, without requiring the rest of the environment (the logger starts first). */
export function logLevel(): string {
  return z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).catch("info").parse(process.env.LOG_LEVEL);
}
