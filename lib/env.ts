import "server-only";
import { z } from "zod";

// The one place that reads process.env (STYLE.md). Parsed lazily so that `next build`, which
// imports server modules without a database, does not need the runtime secrets.
const ZEnv = z
  .object({
    DATABASE_URL: z.string().url(),
    AUTH_SECRET: z.string().min(32),
    /**
     * Encrypts the TOTP secrets stored in the database, so that a copy of the database (a backup)
     * alone does not defeat the second factor. Separate from AUTH_SECRET, which can then be rotated
     * without everybody enrolling again.
     */
    TOTP_ENCRYPTION_KEY: z.string().min(32),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(12),
    /** Failed sign-in attempts (password or code) on one account before it is locked. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(3).max(100).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Failed attempts from one address within an hour before that address is blocked for an hour. */
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(10).max(100_000).default(100),
    /**
     * Reverse proxies in front of the app that append to X-Forwarded-For (0: none, 1: one load
     * balancer). The app's server (scripts/serve.mjs) appends the TCP peer's address last; the
     * client's address is the entry this many places left of it. Entries further left are whatever
     * the client claimed, so the default trusts none of them: a proxy that is not there cannot vouch.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /**
     * Next.js's key for server actions (the arguments a page binds to an action travel encrypted
     * with it), standard base64 of 32 bytes. Required in production: without it each build makes its
     * own, and instances or builds that differ refuse each other's pages (README, "Running in
     * production"). `npm start` generates one in .data/local.json; Next.js reads it itself.
     */
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine((k) => Buffer.from(k, "base64").length === 32 && /^[A-Za-z0-9+/]+=*$/.test(k), {
        message: "standard base64 of 32 random bytes (openssl rand -base64 32)",
      })
      .optional(),
  })
  .refine((e) => e.NODE_ENV !== "production" || e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY !== undefined, {
    message: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required in production",
    path: ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
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
  return z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .catch("info")
    .parse(process.env.LOG_LEVEL);
}

/**
 * The TOTP encryption key alone, for code that runs outside the app with only the database and
 * this key (the demo seed): the same rule as in `env()`.
 */
export function totpEncryptionKey(): string {
  return ZEnv.shape.TOTP_ENCRYPTION_KEY.parse(process.env.TOTP_ENCRYPTION_KEY, {
    error: () => "TOTP_ENCRYPTION_KEY is missing or shorter than 32 characters",
  });
}

// The daily digest's e-mail (issue 15). Read on their own: the job worker runs outside the app.
const ZMailEnv = z.object({
  /**
   * Where mail goes, as nodemailer's URL (smtp://host:port, smtps://user:pass@host:465). Unset: no
   * digest is sent (and the worker says so). `npm start` points it at the test SMTP server on
   * loopback when the demo data is loaded.
   */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).max(200).default("Samverkan <no-reply@samverkan.invalid>"),
  /** The address users open the app at: the digest's only link. */
  APP_URL: z.string().url().default("http://localhost:3000"),
});

export type MailEnv = z.infer<typeof ZMailEnv>;

export function mailEnv(): MailEnv {
  const parsed = ZMailEnv.safeParse({ ...process.env, APP_URL: process.env.APP_URL ?? process.env.AUTH_URL });
  if (!parsed.success) {
    const fields = Object.keys(z.flattenError(parsed.error).fieldErrors).join(", ");
    throw new Error(`Invalid mail settings (${fields}): see README, "E-post".`);
  }
  return parsed.data;
}
