import type { Instrumentation } from "next";

/*
 * Server logs as JSON lines (pino, lib/logger.ts), Next.js's own output included:
 * - register(): what Next.js itself writes with console.error/warn (a failed render, a warning)
 *   becomes a JSON line too, scrubbed like every other, instead of free text with a stack;
 * - onRequestError(): every failed request, with the request id proxy.ts gave it (the browser
 *   sees only the digest, which this line carries as well).
 * Only in the Node.js runtime: the logger is a Node.js library.
 *
 * It also starts the audit log's chainer (lib/audit/chainer.ts): appends take no lock, and this
 * process links what it and any other process appended into the hash chain.
 */

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  const asJson =
    (level: "error" | "warn") =>
    (...args: unknown[]) => {
      // Request errors are logged with their request id by onRequestError; skip Next's copy.
      if (args.some((a) => a instanceof Error && "digest" in a)) return;
      const err = args.find((a) => a instanceof Error);
      const text = args
        .filter((a) => typeof a === "string")
        .join(" ")
        .trim();
      logger[level]({ source: "next", err }, text || (err instanceof Error ? err.message : "(no message)"));
    };
  console.error = asJson("error");
  console.warn = asJson("warn");
  const { startAuditChainer } = await import("@/lib/audit/chainer");
  startAuditChainer();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/lib/logger");
  const requestId = request.headers["x-request-id"];
  logger.error(
    {
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      // The path without its query string: searches are typed by users and may name people.
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
