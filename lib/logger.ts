import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { headers } from "next/headers";
import { logLevel } from "@/lib/env";

/*
 * Structured JSON-lines log. Log ids and codes, never personnummer, names or note text. Two lines
 * of defence behind that rule: fields that must never be logged are redacted by name, and any
 * string that looks like a personnummer or samordningsnummer is masked wherever it appears.
 */

const REDACTED_FIELDS = [
  "password",
  "currentPassword",
  "newPassword",
  "identityNumber",
  "body",
  "note",
  "internalNote",
  "email",
  "name",
  "firstName",
  "lastName",
  "totpSecret",
  "secret",
  "cookie",
  "authorization",
];

// YYMMDD or YYYYMMDD, optional - or +, four digits: every form a personnummer is typed in. Not
// inside a longer word: the last group of a UUID can be twelve digits too.
const IDENTITY_NUMBER = /(?<![0-9A-Za-z-])(?:\d{2})?\d{6}[-+]?\d{4}(?![0-9A-Za-z])/g;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(IDENTITY_NUMBER, "[personnummer]");
  // Errors are serialized first: their message and stack are not enumerable.
  if (value instanceof Error) return scrub(serializeError(value), depth);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/*
 * Database errors can repeat the values of the statement that failed: Prisma's validation errors
 * print the arguments (a note's text, a personnummer), and PostgreSQL's messages quote values
 * ('invalid input syntax for type uuid: "…"'), sometimes inside Prisma's backticks. Their
 * messages are kept with every quoted part replaced, apart from names (a model, a field, a
 * constraint), and their stack without the message it begins with.
 */
// An apostrophe inside a word ("Can't reach database server") opens no quote.
const QUOTED = /"(?:[^"\\]|\\.)*"?|(?<![A-Za-z])'(?:[^'\\]|\\.)*'?|`[^`]*`?/gs;
// A name (model, field, `prisma.x.create()`), or a five-character SQLSTATE code.
const IDENTIFIER = /^`(?:[A-Za-z_][\w.$]*(?:\(\))?|[0-9A-Z]{5})`$/;
const MAX_DATABASE_MESSAGE = 500;

function isDatabaseError(error: Error): boolean {
  const e = error as Error & { severity?: unknown; routine?: unknown };
  // Prisma's PrismaClient*Error classes, the driver adapter's wrapper, and pg's own DatabaseError.
  return (
    /^PrismaClient\w*Error$/.test(error.name) ||
    error.name === "DriverAdapterError" ||
    (typeof e.severity === "string" && typeof e.routine === "string")
  );
}

export function stripValues(message: string): string {
  const stripped = message.replace(QUOTED, (quoted) => (IDENTIFIER.test(quoted) ? quoted : "[value]"));
  // Prisma lays the arguments out over several lines; what is left of them is punctuation.
  const compact = stripped.replace(/\s+/g, " ").trim();
  return compact.length > MAX_DATABASE_MESSAGE ? `${compact.slice(0, MAX_DATABASE_MESSAGE)}…` : compact;
}

/**
 * Errors keep their type, code, message and stack (server-side only), but not the driver's
 * `detail`/`meta`/`where`, which quote the row that failed (e.g. "Key (email)=(…) already exists").
 * Database errors keep no values in their message (see stripValues).
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  const database = isDatabaseError(e);
  const message = database ? stripValues(e.message) : e.message;
  return {
    type: e.name,
    message,
    code: typeof e.code === "string" ? e.code : undefined,
    digest: typeof e.digest === "string" ? e.digest : undefined,
    // A stack begins with "Name: message", the message's every line included.
    stack: database
      ? [`${e.name}: ${message}`, ...(e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line))].join("\n")
      : e.stack,
    cause: e.cause instanceof Error ? serializeError(e.cause) : undefined,
  };
}

export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
  return pino(
    {
      level,
      base: { app: "samverkan" },
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: "[redacted]" },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // The message text too: it is not covered by `formatters.log`.
          method.apply(
            this,
            args.map((a) => (typeof a === "string" ? (scrub(a) as string) : a)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();

/**
 * The logger for the current request, tagged with the request id that proxy.ts gives every
 * request (and returns to the browser as `x-request-id`), so one request's lines can be found.
 * Outside a request (scripts, tests) it is the plain logger.
 */
export async function requestLogger(): Promise<Logger> {
  try {
    const requestId = (await headers()).get("x-request-id");
    return requestId ? logger.child({ requestId }) : logger;
  } catch {
    return logger;
  }
}
